package dev.skopos.envoy.config;

import static dev.skopos.envoy.config.Proto.get;
import static dev.skopos.envoy.config.Proto.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Listener objects to {@link ListenerConfig} records. */
final class ListenerReader {

    // Current names and the pre-1.5 names of the same filters, which old dumps use.
    private static final List<String> HCM_NAMES = List.of("envoy.filters.network.http_connection_manager",
            "envoy.http_connection_manager");
    private static final List<String> TCP_NAMES = List.of("envoy.filters.network.tcp_proxy", "envoy.tcp_proxy");

    private ListenerReader() {
    }

    static ListenerConfig read(JsonNode l, ListenerConfig.State state, String versionInfo, Instant lastUpdated,
            boolean keepRaw) {
        List<EnvoyAddress> additional = new ArrayList<>();
        for (JsonNode a : get(l, "additional_addresses")) {
            additional.add(Proto.address(get(a, "address")));
        }
        List<ListenerConfig.FilterChain> chains = new ArrayList<>();
        for (JsonNode fc : get(l, "filter_chains")) {
            chains.add(chain(fc, false, keepRaw));
        }
        if (get(l, "default_filter_chain").isObject()) {
            chains.add(chain(get(l, "default_filter_chain"), true, keepRaw));
        }
        List<String> listenerFilters = new ArrayList<>();
        for (JsonNode f : get(l, "listener_filters")) {
            listenerFilters.add(text(f, "name"));
        }
        return new ListenerConfig(text(l, "name"), Proto.address(get(l, "address")), List.copyOf(additional),
                text(l, "traffic_direction"), List.copyOf(chains), List.copyOf(listenerFilters), state, versionInfo,
                lastUpdated, keepRaw ? l : null);
    }

    private static ListenerConfig.FilterChain chain(JsonNode fc, boolean isDefault, boolean keepRaw) {
        List<ListenerConfig.NetworkFilter> filters = new ArrayList<>();
        for (JsonNode f : get(fc, "filters")) {
            filters.add(filter(f, keepRaw));
        }
        JsonNode ts = get(fc, "transport_socket");
        boolean tls = Proto.type(get(ts, "typed_config")).endsWith("DownstreamTlsContext")
                || text(ts, "name").contains("tls") || get(fc, "tls_context").isObject();
        return new ListenerConfig.FilterChain(text(fc, "name"), match(get(fc, "filter_chain_match")),
                List.copyOf(filters), isDefault, tls);
    }

    private static ListenerConfig.ChainMatch match(JsonNode m) {
        if (!m.isObject()) {
            return ListenerConfig.ChainMatch.ANY;
        }
        List<Integer> sourcePorts = new ArrayList<>();
        for (JsonNode p : get(m, "source_ports")) {
            sourcePorts.add(p.asInt());
        }
        return new ListenerConfig.ChainMatch(Proto.int32(get(m, "destination_port")),
                Proto.strings(get(m, "server_names")), text(m, "transport_protocol"),
                Proto.strings(get(m, "application_protocols")), cidrs(get(m, "prefix_ranges")),
                cidrs(get(m, "source_prefix_ranges")), List.copyOf(sourcePorts), text(m, "source_type"));
    }

    /** CIDR ranges as {@code address/len}; an unset length prints 0, as istioctl does. */
    private static List<String> cidrs(JsonNode ranges) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : ranges) {
            Integer len = Proto.int32(get(r, "prefix_len"));
            out.add(text(r, "address_prefix") + "/" + (len == null ? 0 : len));
        }
        return List.copyOf(out);
    }

    private static ListenerConfig.NetworkFilter filter(JsonNode f, boolean keepRaw) {
        String name = text(f, "name");
        JsonNode cfg = get(f, "typed_config");
        String type = Proto.type(cfg);
        if (!cfg.isObject()) {
            cfg = get(f, "config"); // Istio 1.1-1.4: untyped Struct config
        }
        if (HCM_NAMES.contains(name) || type.endsWith(".HttpConnectionManager")) {
            List<String> httpFilters = new ArrayList<>();
            for (JsonNode hf : get(cfg, "http_filters")) {
                httpFilters.add(text(hf, "name"));
            }
            JsonNode inline = get(cfg, "route_config");
            RouteConfig inlineRoutes = inline.isObject() ? RouteReader.read(inline, false, "", null, keepRaw) : null;
            var hcm = new ListenerConfig.HttpConnectionManager(text(get(cfg, "rds"), "route_config_name"),
                    inlineRoutes, List.copyOf(httpFilters), text(cfg, "stat_prefix"));
            return new ListenerConfig.NetworkFilter(name, type, ListenerConfig.NetworkFilter.Kind.HTTP, hcm, null);
        }
        if (TCP_NAMES.contains(name) || type.endsWith(".TcpProxy")) {
            var tcp = new ListenerConfig.TcpProxy(text(cfg, "cluster"),
                    RouteReader.weighted(get(get(cfg, "weighted_clusters"), "clusters")), text(cfg, "stat_prefix"),
                    mentions(cfg, "BlackHoleCluster"));
            return new ListenerConfig.NetworkFilter(name, type, ListenerConfig.NetworkFilter.Kind.TCP, null, tcp);
        }
        return new ListenerConfig.NetworkFilter(name, type, ListenerConfig.NetworkFilter.Kind.OTHER, null, null);
    }

    /** Whether any string in the tree contains {@code needle}: istioctl greps the filter's bytes. */
    private static boolean mentions(JsonNode node, String needle) {
        if (node.isTextual()) {
            return node.asText().contains(needle);
        }
        for (JsonNode child : node) {
            if (mentions(child, needle)) {
                return true;
            }
        }
        return false;
    }
}
