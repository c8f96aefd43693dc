package dev.skopos.source.demo.envoy;

import static dev.skopos.source.demo.Json.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.demo.Json;
import dev.skopos.source.demo.certs.DemoPki;
import dev.skopos.source.demo.envoy.ProxyView.Side;
import dev.skopos.source.demo.scenario.DemoPod;
import dev.skopos.source.demo.scenario.Mesh;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Assembles and caches each proxy's answers. Nothing is generated before it is asked for: the
 * first config dump of a proxy costs a few milliseconds, later ones are a map lookup.
 */
public final class ProxyConfigs {

    private final Mesh mesh;
    private final Supplier<DemoPki> pki;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public ProxyConfigs(Mesh mesh, Supplier<DemoPki> pki) {
        this.mesh = mesh;
        this.pki = pki;
    }

    public Mesh mesh() {
        return mesh;
    }

    public List<ClusterSpec> clusters(DemoPod pod, Side side) {
        return ClusterGenerator.specs(new ProxyView(mesh, pod, side));
    }

    /** Envoy's {@code /config_dump} (with EDS when asked). */
    public String envoyConfigDump(DemoPod pod, boolean includeEds) {
        return cache.computeIfAbsent("envoy/" + includeEds + "/" + pod.ref(), k -> {
            ProxyView view = new ProxyView(mesh, pod, Side.ENVOY);
            List<ClusterSpec> specs = ClusterGenerator.specs(view);
            List<Object> configs = new ArrayList<>();
            configs.add(BootstrapGenerator.configDump(mesh, pod));
            configs.add(ClusterGenerator.configDump(view, specs));
            if (includeEds) {
                configs.add(EndpointGenerator.configDump(view, specs));
            }
            configs.add(ListenerGenerator.configDump(view));
            configs.add(obj("@type", "type.googleapis.com/envoy.admin.v3.ScopedRoutesConfigDump"));
            configs.add(RouteGenerator.configDump(view));
            configs.add(SecretGenerator.configDump(mesh, pki.get(), pod));
            return Json.pretty(obj("configs", configs));
        });
    }

    /** istiod's {@code /debug/config_dump?proxyID=}: what it would push now (CDS, LDS, RDS). */
    public String istiodConfigDump(DemoPod pod) {
        return cache.computeIfAbsent("istiod/" + pod.ref(), k -> {
            ProxyView view = new ProxyView(mesh, pod, Side.ISTIOD);
            List<ClusterSpec> specs = ClusterGenerator.specs(view);
            return Json.pretty(obj("configs", List.of(ClusterGenerator.configDump(view, specs),
                    ListenerGenerator.configDump(view), RouteGenerator.configDump(view))));
        });
    }

    /** {@code GET /clusters?format=json}. */
    public String clustersJson(DemoPod pod) {
        return cache.computeIfAbsent("clusters/" + pod.ref(), k -> Json.pretty(AdminPages.clusterStatuses(
                mesh, pod, ClusterGenerator.specs(new ProxyView(mesh, pod, Side.ENVOY)))));
    }

    public String certs(DemoPod pod) {
        return cache.computeIfAbsent("certs/" + pod.ref(), k -> Json.pretty(SecretGenerator.certs(mesh, pki.get(), pod)));
    }

    public String serverInfo(DemoPod pod) {
        return cache.computeIfAbsent("server_info/" + pod.ref(), k -> Json.pretty(AdminPages.serverInfo(mesh, pod)));
    }

    public String stats(DemoPod pod) {
        return cache.computeIfAbsent("stats/" + pod.ref(), k -> AdminPages.stats(mesh, pod,
                ClusterGenerator.specs(new ProxyView(mesh, pod, Side.ENVOY))));
    }

}
