package dev.skopos.mesh.explain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.envoy.config.RouteConfig;
import dev.skopos.mesh.Proxy;
import dev.skopos.mesh.ProxyKind;
import dev.skopos.source.PodRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A VirtualService bound to gateways, read back from the gateway proxies: does any of their route
 * configs serve the VirtualService's hosts? If not (a misspelt gateway name, a host the Gateway
 * does not list), requests for those hosts get 404 NR at the edge.
 */
final class GatewayRouteExplainer {

    private final List<Proxy> proxies;
    private final Function<PodRef, CompletableFuture<ConfigDump>> dumps;

    GatewayRouteExplainer(List<Proxy> proxies, Function<PodRef, CompletableFuture<ConfigDump>> dumps) {
        this.proxies = proxies;
        this.dumps = dumps;
    }

    CompletableFuture<Explanation> explain(Resource vs) {
        List<String> hosts = new ArrayList<>();
        vs.spec().path("hosts").forEach(h -> hosts.add(h.asText()));
        List<String> gateways = new ArrayList<>();
        for (JsonNode g : vs.spec().path("gateways")) {
            gateways.add(g.asText());
        }
        List<Proxy> edge = proxies.stream().filter(p -> p.kind() == ProxyKind.GATEWAY).limit(3).toList();
        if (edge.isEmpty()) {
            return CompletableFuture.completedFuture(Explanation.none("no gateway proxy to read"));
        }
        List<CompletableFuture<List<Evidence>>> parts = new ArrayList<>();
        for (Proxy g : edge) {
            parts.add(dumps.apply(g.pod()).thenApply(d -> served(g.pod(), d, hosts)));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Evidence> evidence = new ArrayList<>();
            parts.forEach(p -> evidence.addAll(p.join()));
            boolean missing = evidence.stream().anyMatch(Evidence::supports);
            String conclusion = missing
                    ? "no gateway proxy serves " + String.join(", ", hosts) + " (VirtualService " + vs.fullName()
                    + " is bound to " + String.join(", ", gateways) + "): requests for it get 404 (NR) at the edge"
                    : "the gateway proxies serve " + String.join(", ", hosts);
            return new Explanation(conclusion, evidence);
        });
    }

    private static List<Evidence> served(PodRef gateway, ConfigDump dump, List<String> hosts) {
        List<Evidence> out = new ArrayList<>();
        for (String host : hosts) {
            String where = null;
            for (RouteConfig rc : dump.routes()) {
                for (RouteConfig.VirtualHost vh : rc.virtualHosts()) {
                    if (vh.domains().stream().anyMatch(d -> d.equals(host) || d.startsWith(host + ":"))) {
                        where = "routes[" + rc.name() + "].virtual_hosts[" + vh.name() + "]";
                    }
                }
            }
            out.add(where == null
                    ? new Evidence(gateway.proxyId(), "routes[*].virtual_hosts[domains ∋ " + host + "]", "absent", true)
                    : new Evidence(gateway.proxyId(), where, "serves " + host, false));
        }
        return out;
    }
}
