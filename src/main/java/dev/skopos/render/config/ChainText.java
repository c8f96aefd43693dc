package dev.skopos.render.config;

import dev.skopos.envoy.config.ListenerConfig.ChainMatch;
import dev.skopos.envoy.config.ListenerConfig.FilterChain;
import dev.skopos.envoy.config.ListenerConfig.NetworkFilter;
import dev.skopos.envoy.config.RouteConfig;
import java.util.ArrayList;
import java.util.List;

/** How a filter chain reads in one line: what it matches, and where traffic goes. */
final class ChainText {

    private ChainText() {
    }

    static String match(FilterChain chain) {
        ChainMatch m = chain.match();
        List<String> parts = new ArrayList<>();
        if (m.destinationPort() != null) {
            parts.add("port " + m.destinationPort());
        }
        if (!m.serverNames().isEmpty()) {
            parts.add("SNI " + String.join(",", m.serverNames()));
        }
        if (!m.transportProtocol().isEmpty()) {
            parts.add("Trans: " + m.transportProtocol());
        }
        if (!m.applicationProtocols().isEmpty()) {
            parts.add("App: " + String.join(",", m.applicationProtocols()));
        }
        if (!m.prefixRanges().isEmpty()) {
            parts.add("Addr: " + String.join(",", m.prefixRanges()));
        }
        if (!m.sourcePrefixRanges().isEmpty()) {
            parts.add("Src: " + String.join(",", m.sourcePrefixRanges()));
        }
        if (parts.isEmpty()) {
            return chain.isDefault() ? "default chain" : "ALL";
        }
        return String.join("; ", parts);
    }

    static String destination(FilterChain chain) {
        List<String> out = new ArrayList<>();
        for (NetworkFilter f : chain.filters()) {
            if (f.kind() == NetworkFilter.Kind.HTTP) {
                var hcm = f.httpConnectionManager();
                if (!hcm.rdsRouteConfigName().isEmpty()) {
                    out.add("Route: " + hcm.rdsRouteConfigName());
                } else if (hcm.inlineRouteConfig() != null) {
                    out.add("Inline Route: " + inline(hcm.inlineRouteConfig()));
                } else {
                    out.add("HTTP (no routes)");
                }
            } else if (f.kind() == NetworkFilter.Kind.TCP) {
                var tcp = f.tcpProxy();
                if (!tcp.cluster().isEmpty()) {
                    out.add("Cluster: " + tcp.cluster());
                } else if (!tcp.weightedClusters().isEmpty()) {
                    out.add("Clusters: " + String.join(", ", tcp.weightedClusters().stream()
                            .map(w -> w.name() + " " + w.weight()).toList()));
                }
            }
        }
        return out.isEmpty() ? "Non-HTTP/Non-TCP" : String.join("; ", out);
    }

    private static String inline(RouteConfig routes) {
        List<String> matches = new ArrayList<>();
        for (RouteConfig.VirtualHost vh : routes.virtualHosts()) {
            for (RouteConfig.Route r : vh.routes()) {
                matches.add(RoutesTable.matchText(r.match()));
            }
        }
        return matches.isEmpty() ? "(none)" : String.join(", ", matches);
    }
}
