package dev.skopos.source.demo.envoy;

import static dev.skopos.source.demo.Json.arr;
import static dev.skopos.source.demo.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.demo.Json;
import dev.skopos.source.demo.scenario.Mesh;
import dev.skopos.source.demo.scenario.MeshService;
import dev.skopos.source.demo.scenario.ServicePort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Istio's LDS. Sidecars: {@code 0.0.0.0_<port>} with an HTTP connection manager (RDS "<port>") for
 * HTTP ports, {@code <VIP>_<port>} with a tcp_proxy for TCP ports, virtualOutbound (15001) and
 * virtualInbound (15006) with one filter chain per inbound port and TLS mode. Gateways: one listener
 * per Gateway server port, on the Service's target port.
 */
public final class ListenerGenerator {

    /** What Envoy answers when the Lua script of EnvoyFilter bookinfo/ratings-lua fails to load. */
    public static final String NACK_DETAILS = "Error adding/updating listener(s) 0.0.0.0_8080: script load error: "
            + "[string \"function envoy_on_request(request_handle)...\"]:3: ')' expected (to close '(' at line 2) near 'end'";

    private ListenerGenerator() {}

    public static Map<String, ObjectNode> listeners(ProxyView view) {
        Map<String, ObjectNode> out = new TreeMap<>();
        if (view.pod().gateway()) {
            gatewayListeners(view, out);
            return out;
        }
        List<ObjectNode> luaPatch = view.envoyFiltersApplied() ? luaFilters(view) : List.of();
        Set<Integer> httpPorts = new LinkedHashSet<>();
        for (MeshService s : view.services()) {
            for (ServicePort p : s.ports()) {
                if (p.http()) {
                    httpPorts.add(p.port());
                } else if (s.vip() != null) {
                    String name = s.vip() + "_" + p.port();
                    out.put(name, listener(name, s.vip(), p.port(), "OUTBOUND",
                            arr(obj("filters", arr(HttpFilters.tcpProxy(s.clusterName(p.port(), null))), "name", name)), null));
                } else {
                    // An external TLS host without a VIP: matched by SNI on the wildcard listener.
                    String name = "0.0.0.0_" + p.port();
                    ObjectNode existing = out.computeIfAbsent(name, n -> listener(n, "0.0.0.0", p.port(), "OUTBOUND", arr(),
                            arr(obj("name", "envoy.filters.listener.tls_inspector", "typed_config",
                                    obj("@type", "type.googleapis.com/envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector")))));
                    ((ArrayNode) existing.path("filter_chains")).add(obj("filter_chain_match", obj("server_names", arr(s.host())),
                            "filters", arr(HttpFilters.tcpProxy(s.clusterName(p.port(), null)))));
                }
            }
        }
        for (int port : httpPorts) {
            String name = "0.0.0.0_" + port;
            List<ObjectNode> extra = port == 8080 ? luaPatch : List.of();
            out.put(name, listener(name, "0.0.0.0", port, "OUTBOUND", arr(obj("filters", arr(HttpFilters.hcm(
                    "outbound_0.0.0.0_" + port, String.valueOf(port), null, false, extra)), "name", name)), null));
        }
        ObjectNode outbound = listener("virtualOutbound", "0.0.0.0", 15001, "OUTBOUND", arr(obj("filters",
                arr(HttpFilters.tcpProxy("PassthroughCluster")), "name", "virtualOutbound-catchall-tcp")), null);
        outbound.put("use_original_dst", true);
        outbound.remove("bind_to_port");
        out.put("virtualOutbound", outbound);
        out.put("virtualInbound", virtualInbound(view));
        return out;
    }

    public static ObjectNode configDump(ProxyView view) {
        List<Object> dynamic = new ArrayList<>();
        Map<String, ObjectNode> rejectedBy = view.envoyFiltersApplied() ? Map.of()
                : listeners(new ProxyView(view.mesh(), view.pod(), ProxyView.Side.ISTIOD));
        listeners(view).forEach((name, l) -> {
            ObjectNode entry = obj("name", name, "active_state", obj("version_info", view.version("lds"),
                    "listener", l, "last_updated", view.lastUpdated("lds")));
            if (rejectedBy.containsKey(name) && !rejectedBy.get(name).equals(l)) {
                entry.set("error_state", obj("failed_configuration", rejectedBy.get(name),
                        "last_update_attempt", EnvoyTime.format(view.mesh().ago(java.time.Duration.ofSeconds(40))),
                        "details", NACK_DETAILS));
            }
            dynamic.add(entry);
        });
        return obj("@type", "type.googleapis.com/envoy.admin.v3.ListenersConfigDump",
                "version_info", view.version("lds"), "dynamic_listeners", dynamic);
    }

    private static ObjectNode listener(String name, String address, int port, String direction, ArrayNode chains,
                                       ArrayNode listenerFilters) {
        return obj("@type", "type.googleapis.com/envoy.config.listener.v3.Listener",
                "name", name,
                "address", obj("socket_address", obj("address", address, "port_value", port)),
                "filter_chains", chains,
                "listener_filters", listenerFilters,
                "listener_filters_timeout", listenerFilters == null ? null : "0s",
                "continue_on_listener_filters_timeout", listenerFilters == null ? null : true,
                "traffic_direction", direction,
                // Sidecar outbound listeners only receive what iptables sends to 15001; they never bind.
                "bind_to_port", direction.equals("OUTBOUND") ? false : null,
                "access_log", HttpFilters.accessLog());
    }

    private static ObjectNode virtualInbound(ProxyView view) {
        Mesh mesh = view.mesh();
        boolean strict = mesh.peerAuthenticationMode(view.pod()).equals("STRICT");
        ArrayNode chains = arr(obj("filter_chain_match", obj("destination_port", 15006), "filters",
                arr(HttpFilters.tcpProxy("BlackHoleCluster")), "name", "virtualInbound-blackhole"));
        Set<Integer> seen = new LinkedHashSet<>();
        for (MeshService s : mesh.servicesOf(view.pod())) {
            for (ServicePort p : s.ports()) {
                if (!seen.add(p.targetPort())) {
                    continue;
                }
                String cluster = "inbound|" + p.targetPort() + "||";
                List<String> modes = strict ? List.of("tls") : List.of("tls", "raw_buffer");
                for (String transport : modes) {
                    JsonNode filter = p.http()
                            ? HttpFilters.hcm("inbound_0.0.0.0_" + p.targetPort(), null, inboundRoute(cluster, p.targetPort()), true, List.of())
                            : HttpFilters.tcpProxy(cluster);
                    chains.add(obj("filter_chain_match", obj("destination_port", p.targetPort(), "transport_protocol", transport),
                            "transport_socket", transport.equals("tls") ? TransportSockets.istioMutualDownstream() : null,
                            "filters", arr(filter), "name", cluster));
                }
            }
        }
        for (String transport : strict ? List.of("tls") : List.of("tls", "raw_buffer")) {
            chains.add(obj("filter_chain_match", obj("transport_protocol", transport),
                    "transport_socket", transport.equals("tls") ? TransportSockets.istioMutualDownstream() : null,
                    "filters", arr(HttpFilters.tcpProxy("InboundPassthroughCluster")),
                    "name", "virtualInbound-catchall-" + (transport.equals("tls") ? "tls" : "tcp")));
        }
        ObjectNode l = listener("virtualInbound", "0.0.0.0", 15006, "INBOUND", chains, arr(
                obj("name", "envoy.filters.listener.original_dst", "typed_config",
                        obj("@type", "type.googleapis.com/envoy.extensions.filters.listener.original_dst.v3.OriginalDst")),
                obj("name", "envoy.filters.listener.tls_inspector", "typed_config",
                        obj("@type", "type.googleapis.com/envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector")),
                obj("name", "envoy.filters.listener.http_inspector", "typed_config",
                        obj("@type", "type.googleapis.com/envoy.extensions.filters.listener.http_inspector.v3.HttpInspector"))));
        l.put("use_original_dst", true);
        return l;
    }

    private static ObjectNode inboundRoute(String cluster, int port) {
        return obj("name", cluster, "virtual_hosts", arr(obj("name", "inbound|http|" + port, "domains", arr("*"),
                "routes", arr(obj("name", "default", "match", obj("prefix", "/"), "route", obj("cluster", cluster,
                        "timeout", "0s", "max_stream_duration", obj("max_stream_duration", "0s", "grpc_timeout_header_max", "0s")),
                        "decorator", obj("operation", ":" + port + "/*"))))), "validate_clusters", false);
    }

    /** HTTP filters EnvoyFilters insert before the router (only the ratings Lua patch in the demo). */
    private static List<ObjectNode> luaFilters(ProxyView view) {
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode ef : view.mesh().envoyFiltersFor(view.pod())) {
            for (JsonNode patch : ef.path("spec").path("configPatches")) {
                if (patch.path("applyTo").asText().equals("HTTP_FILTER")) {
                    out.add((ObjectNode) Json.MAPPER.valueToTree(patch.path("patch").path("value")));
                }
            }
        }
        return out;
    }

    private static void gatewayListeners(ProxyView view, Map<String, ObjectNode> out) {
        for (JsonNode gw : view.mesh().gatewaysSelecting(view.pod())) {
            for (JsonNode server : gw.path("spec").path("servers")) {
                int port = RouteGenerator.targetPort(server.path("port").path("number").asInt());
                String name = "0.0.0.0_" + port;
                boolean https = server.path("port").path("protocol").asText().equals("HTTPS");
                String rds = https ? "https." + server.path("port").path("number").asInt() + "."
                        + server.path("port").path("name").asText() + "." + gw.path("metadata").path("name").asText()
                        + "." + Mesh.namespaceOf(gw) : "http." + port;
                ObjectNode chain = obj(
                        "filter_chain_match", https ? obj("server_names", server.path("hosts")) : null,
                        "transport_socket", https ? TransportSockets.gatewaySimpleTls(
                                "kubernetes://" + server.path("tls").path("credentialName").asText()) : null,
                        "filters", arr(HttpFilters.hcm("outbound_0.0.0.0_" + port, rds, null, false, List.of())),
                        "name", https ? null : name);
                ObjectNode existing = out.get(name);
                if (existing != null) {
                    if (https) {
                        ((ArrayNode) existing.path("filter_chains")).add(chain);
                    }
                    continue;
                }
                ArrayNode filters = https ? arr(obj("name", "envoy.filters.listener.tls_inspector", "typed_config",
                        obj("@type", "type.googleapis.com/envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector"))) : null;
                ObjectNode l = listener(name, "0.0.0.0", port, "OUTBOUND", arr(chain), filters);
                l.remove("bind_to_port"); // a gateway really listens on its ports
                out.put(name, l);
            }
        }
    }
}
