package dev.skopos.source.demo.istiod;

import static dev.skopos.source.demo.Json.arr;
import static dev.skopos.source.demo.Json.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.demo.Json;
import dev.skopos.source.demo.envoy.EnvoyTime;
import dev.skopos.source.demo.envoy.ListenerGenerator;
import dev.skopos.source.demo.scenario.DemoPod;
import dev.skopos.source.demo.scenario.Mesh;
import dev.skopos.source.demo.scenario.ProxyTraits.Sync;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * istiod's sync report per replica, in both formats istioctl reads: the xDS debug type
 * {@code istio.io/debug/syncz} (DiscoveryResponse of ClientConfig) and the older HTTP
 * {@code /debug/syncz} list of sent/acked nonces. Both come from the same per-type states.
 */
public final class SynczGenerator {

    /** The xDS types in the order istiod reports them, with the short key the HTTP format uses. */
    private enum XdsType {
        CDS("type.googleapis.com/envoy.config.cluster.v3.Cluster", "cluster"),
        LDS("type.googleapis.com/envoy.config.listener.v3.Listener", "listener"),
        RDS("type.googleapis.com/envoy.config.route.v3.RouteConfiguration", "route"),
        EDS("type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment", "endpoint"),
        ECDS("type.googleapis.com/envoy.config.core.v3.TypedExtensionConfig", "extensionconfig");

        final String url;
        final String key;

        XdsType(String url, String key) {
            this.url = url;
            this.key = key;
        }
    }

    private SynczGenerator() {}

    /** The ClientConfig configStatus for one type of one proxy. */
    static String status(DemoPod pod, XdsType type) {
        if (type == XdsType.ECDS) {
            return "NOT_SENT"; // no WasmPlugin or extension config in the demo: nothing ever sent
        }
        Sync sync = pod.proxy().sync();
        if (sync == Sync.STALE && (type == XdsType.CDS || type == XdsType.RDS)) {
            return "STALE";
        }
        if (sync == Sync.NACK && type == XdsType.LDS) {
            return "ERROR";
        }
        return "SYNCED";
    }

    /**
     * When Envoy last acknowledged a type: the last push (40 s ago) for synced proxies; before the
     * ledger service appeared for the STALE one; its last good listener push for the NACKing one.
     */
    static Duration lastAck(DemoPod pod, String status) {
        return switch (status) {
            case "SYNCED" -> Duration.ofSeconds(40);
            case "STALE" -> Duration.ofMinutes(4).plusSeconds(12);
            case "ERROR" -> Duration.ofMinutes(18);
            default -> null;
        };
    }

    public static List<DemoPod> connectedTo(Mesh mesh, String istiod) {
        return mesh.proxies().stream().filter(p -> p.proxy().istiod().equals(istiod)).toList();
    }

    public static String xds(Mesh mesh, String istiod, String version) {
        List<Object> resources = new ArrayList<>();
        for (DemoPod pod : connectedTo(mesh, istiod)) {
            List<Object> types = new ArrayList<>();
            for (XdsType t : XdsType.values()) {
                String status = status(pod, t);
                ObjectNode config = obj("typeUrl", t.url, "configStatus", status);
                Duration acked = lastAck(pod, status);
                if (acked != null) {
                    config.put("lastUpdated", EnvoyTime.format(mesh.ago(acked)));
                }
                if (status.equals("ERROR")) {
                    config.put("clientStatus", "NACKED");
                    config.set("errorState", obj("lastUpdateAttempt", EnvoyTime.format(mesh.ago(Duration.ofSeconds(40))),
                            "details", ListenerGenerator.NACK_DETAILS));
                }
                types.add(config);
            }
            resources.add(obj("@type", "type.googleapis.com/envoy.service.status.v3.ClientConfig",
                    "node", obj("id", pod.ref().proxyId(), "metadata", obj("CLUSTER_ID", "Kubernetes",
                            "ISTIO_VERSION", mesh.scenario().istioVersion(), "NAMESPACE", pod.namespace())),
                    "genericXdsConfigs", types));
        }
        ObjectNode identifier = obj("Component", "istiod", "ID", istiod, "Info", obj("version", version,
                "revision", "default", "golang_version", "go1.24.9", "status", "Clean", "tag", version));
        return Json.pretty(obj("versionInfo", mesh.ago(Duration.ofSeconds(40)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + "/57",
                "resources", resources,
                "typeUrl", "istio.io/debug/syncz",
                "nonce", nonce(istiod, "syncz"),
                "controlPlane", obj("identifier", Json.compact(identifier))));
    }

    /** The pre-1.22 {@code /debug/syncz} answer: per type the nonce sent and the nonce acked. */
    public static String http(Mesh mesh, String istiod) {
        List<Object> rows = new ArrayList<>();
        for (DemoPod pod : connectedTo(mesh, istiod)) {
            ObjectNode row = obj("cluster_id", "Kubernetes", "proxy", pod.ref().proxyId(),
                    "proxy_type", pod.gateway() ? "router" : "sidecar",
                    "istio_version", mesh.scenario().istioVersion());
            for (XdsType t : XdsType.values()) {
                String status = status(pod, t);
                if (status.equals("NOT_SENT")) {
                    continue;
                }
                String sent = nonce(pod.ref().proxyId(), t.key + "/current");
                String acked = status.equals("SYNCED") ? sent : nonce(pod.ref().proxyId(), t.key + "/previous");
                row.put(t.key + "_sent", sent);
                row.put(t.key + "_acked", acked);
            }
            rows.add(row);
        }
        return Json.pretty(arr(rows));
    }

    private static String nonce(String who, String what) {
        return UUID.nameUUIDFromBytes((who + "/" + what).getBytes(StandardCharsets.UTF_8)).toString();
    }

}
