package dev.skopos.render.istioctl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.envoy.config.EnvoyAddress;
import dev.skopos.envoy.config.ListenerConfig;
import dev.skopos.envoy.config.RouteConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code istioctl proxy-config listener}: active and static listeners only, as istioctl reads them. */
public final class ListenerTable {

    // Known ALPN lists get a name; the lists are compared in order, as istioctl's DeepEqual does.
    private static final Map<List<String>, String> ALPN_NAMES = Map.of(
            List.of("http/1.0", "http/1.1", "h2c", "istio-http/1.0", "istio-http/1.1", "istio-h2"), "App: HTTP TLS",
            List.of("istio", "istio-http/1.0", "istio-http/1.1", "istio-h2"), "App: Istio HTTP Plain",
            List.of("istio-peer-exchange", "istio"), "App: TCP TLS",
            List.of("http/1.0", "http/1.1", "h2c"), "App: HTTP");

    /** {@code --address} (any of the listener's addresses), {@code --port}, {@code --type}. */
    public record Filter(String address, int port, String type) {

        public static final Filter NONE = new Filter("", 0, "");

        public boolean matches(ListenerConfig l) {
            if (!address.isEmpty() && addresses(l).stream().noneMatch(a -> a.equalsIgnoreCase(address))) {
                return false;
            }
            if (port != 0 && l.port() != port) {
                return false;
            }
            return type.isEmpty() || l.type().label().equalsIgnoreCase(type);
        }
    }

    private ListenerTable() {
    }

    /** What istioctl shows: active dynamic listeners and static ones. */
    public static List<ListenerConfig> shown(List<ListenerConfig> listeners) {
        return listeners.stream().filter(l -> l.state() == ListenerConfig.State.ACTIVE
                || l.state() == ListenerConfig.State.STATIC).toList();
    }

    /** The table; {@code verbose} (istioctl's default) lists every filter chain's match and destination. */
    public static String summary(List<ListenerConfig> listeners, Filter filter, boolean verbose, boolean withNames) {
        List<ListenerConfig> rows = new ArrayList<>(shown(listeners).stream().filter(filter::matches).toList());
        rows.sort(Comparator.comparingInt(ListenerConfig::port).thenComparing(l -> address(l.address()))
                .thenComparing(l -> l.type().label()));
        TabWriter w = new TabWriter(1);
        w.line((withNames ? "NAME\t" : "") + "ADDRESSES\tPORT" + (verbose ? "\tMATCH\tDESTINATION" : "\tTYPE"));
        for (ListenerConfig l : rows) {
            String prefix = (withNames ? "listener/" + l.name() + "\t" : "") + String.join(",", addresses(l)) + "\t"
                    + l.port() + "\t";
            if (!verbose) {
                w.line(prefix + l.type().label());
                continue;
            }
            List<String[]> chains = new ArrayList<>();
            for (ListenerConfig.FilterChain fc : l.filterChains()) {
                chains.add(new String[] {match(fc.match()), destination(fc.filters())});
            }
            chains.sort((a, b) -> b[1].compareTo(a[1]));
            for (String[] c : chains) {
                w.line(prefix + c[0] + "\t" + c[1]);
            }
        }
        return w.flush();
    }

    public static String json(List<ListenerConfig> listeners, Filter filter) {
        List<JsonNode> nodes = new ArrayList<>();
        for (ListenerConfig l : shown(listeners)) {
            if (filter.matches(l)) {
                nodes.add(l.raw());
            }
        }
        return GoJson.writeList(nodes, GoJson.Style.MARSHAL_INDENT);
    }

    static List<String> addresses(ListenerConfig l) {
        List<String> out = new ArrayList<>();
        out.add(address(l.address()));
        for (EnvoyAddress a : l.additionalAddresses()) {
            out.add(a.kind() == EnvoyAddress.Kind.SOCKET ? a.address() : "");
        }
        return out;
    }

    private static String address(EnvoyAddress a) {
        return a.kind() == EnvoyAddress.Kind.SOCKET || a.kind() == EnvoyAddress.Kind.PIPE ? a.address() : "";
    }

    static String match(ListenerConfig.ChainMatch m) {
        List<String> d = new ArrayList<>();
        if (!m.serverNames().isEmpty()) {
            d.add("SNI: " + String.join(",", m.serverNames()));
        }
        if (!m.transportProtocol().isEmpty()) {
            d.add("Trans: " + m.transportProtocol());
        }
        if (!m.applicationProtocols().isEmpty()) {
            d.add(ALPN_NAMES.getOrDefault(m.applicationProtocols(), "App: " + String.join(",", m.applicationProtocols())));
        }
        String port = m.destinationPort() == null ? "" : ":" + m.destinationPort();
        if (!m.prefixRanges().isEmpty()) {
            d.add("Addr: " + String.join(",", m.prefixRanges()) + port);
        } else if (!port.isEmpty()) {
            d.add("Addr: *" + port);
        }
        return d.isEmpty() ? "ALL" : String.join("; ", d);
    }

    static String destination(List<ListenerConfig.NetworkFilter> filters) {
        for (ListenerConfig.NetworkFilter f : filters) {
            if (f.kind() == ListenerConfig.NetworkFilter.Kind.HTTP) {
                var hcm = f.httpConnectionManager();
                if (hcm.inlineRouteConfig() != null) {
                    return describeRouteConfig(hcm.inlineRouteConfig());
                }
                return hcm.rdsRouteConfigName().isEmpty() ? "HTTP" : "Route: " + hcm.rdsRouteConfigName();
            }
            if (f.kind() == ListenerConfig.NetworkFilter.Kind.TCP && !f.tcpProxy().blackHole()) {
                String cluster = f.tcpProxy().cluster();
                return cluster.contains("Cluster") ? cluster : "Cluster: " + cluster;
            }
        }
        return "Non-HTTP/Non-TCP";
    }

    private static String describeRouteConfig(RouteConfig rc) {
        if (rc.virtualHosts().size() == 1) {
            RouteConfig.VirtualHost vh = rc.virtualHosts().get(0);
            if (vh.domains().equals(List.of("*")) && vh.routes().size() == 1) {
                RouteConfig.Route r = vh.routes().get(0);
                if (r.match().prefix().equals("/") && r.action().kind() == RouteConfig.RouteAction.Kind.CLUSTER) {
                    String c = r.action().cluster();
                    return c.contains("Cluster") ? c : "Cluster: " + c;
                }
            }
        }
        List<String> hosts = new ArrayList<>();
        for (RouteConfig.VirtualHost vh : rc.virtualHosts()) {
            String domains = vh.domains().equals(List.of("*")) ? "" : String.join("/", vh.domains());
            String routes = String.join(", ", vh.routes().stream().map(r -> RouteTable.describeMatch(r.match())).toList());
            hosts.add(domains.isEmpty() ? routes : domains + " " + routes);
        }
        return "Inline Route: " + String.join("; ", hosts);
    }
}
