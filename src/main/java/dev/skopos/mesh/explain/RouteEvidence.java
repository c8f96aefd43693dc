package dev.skopos.mesh.explain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.envoy.config.ListenerConfig;
import dev.skopos.envoy.config.RouteConfig;
import dev.skopos.source.PodRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Does a client proxy route a VirtualService's weighted destinations as HTTP? The proof of
 * incident 1: either its route config has weighted clusters for the host, or the outbound listener
 * for the port is a TCP proxy and the weights cannot apply.
 */
final class RouteEvidence {

    /** What one client proxy does with traffic to {@code host:port}. */
    record ClientView(boolean weightedRoute, boolean tcpProxy, List<Evidence> evidence) {}

    private RouteEvidence() {
    }

    static ClientView of(PodRef client, ConfigDump dump, String host, int port) {
        String proxy = client.proxyId();
        List<Evidence> evidence = new ArrayList<>();
        boolean weighted = false;
        for (RouteConfig rc : dump.routes()) {
            for (RouteConfig.VirtualHost vh : rc.virtualHosts()) {
                if (!servesHost(vh, host)) {
                    continue;
                }
                for (int r = 0; r < vh.routes().size(); r++) {
                    RouteConfig.RouteAction a = vh.routes().get(r).action();
                    if (a.kind() == RouteConfig.RouteAction.Kind.WEIGHTED) {
                        weighted = true;
                        evidence.add(new Evidence(proxy, "routes[" + rc.name() + "].virtual_hosts[" + vh.name()
                                + "].routes[" + r + "].route.weighted_clusters",
                                String.join(", ", a.weightedClusters().stream().map(w -> w.name() + "=" + w.weight()).toList()),
                                false));
                    }
                }
            }
        }
        if (!weighted) {
            evidence.add(new Evidence(proxy, "routes[*].virtual_hosts[domains ∋ " + host + "]",
                    "no route with weighted_clusters for " + host, true));
        }
        boolean tcp = false;
        String cluster = "outbound|" + port + "||" + host;
        for (ListenerConfig l : dump.listeners()) {
            if (l.port() != port) {
                continue;
            }
            for (int c = 0; c < l.filterChains().size(); c++) {
                for (ListenerConfig.NetworkFilter f : l.filterChains().get(c).filters()) {
                    if (f.kind() == ListenerConfig.NetworkFilter.Kind.TCP && cluster.equals(f.tcpProxy().cluster())) {
                        tcp = true;
                        evidence.add(new Evidence(proxy, "listeners[" + l.name() + "].filter_chains[" + c + "].filters["
                                + f.name() + "]", "tcp_proxy → " + cluster, true));
                    }
                }
            }
        }
        return new ClientView(weighted, tcp, evidence);
    }

    private static boolean servesHost(RouteConfig.VirtualHost vh, String host) {
        for (String d : vh.domains()) {
            if (d.equals(host) || d.startsWith(host + ":")) {
                return true;
            }
        }
        return false;
    }

    /** The port name and appProtocol that decide HTTP vs TCP, from the Service object. */
    static Evidence servicePort(JsonNode service, int port, String display) {
        for (JsonNode p : service.path("spec").path("ports")) {
            if (p.path("port").asInt() == port) {
                String name = p.path("name").asText("");
                String app = p.path("appProtocol").asText("");
                boolean http = !app.isEmpty() ? app.startsWith("http") || app.equals("grpc")
                        : name.matches("(?i)(http|http2|https|grpc|grpc-web)(-.*)?");
                return new Evidence(display, "spec.ports[port=" + port + "]",
                        "name: " + (name.isEmpty() ? "(none)" : name) + (app.isEmpty() ? ", no appProtocol" : ", appProtocol: " + app)
                                + (http ? " → HTTP" : " → TCP (Istio needs an http-/http2-/grpc- name prefix or appProtocol)"),
                        !http);
            }
        }
        return new Evidence(display, "spec.ports", "no port " + port, true);
    }
}
