package dev.skopos.source.demo.envoy;

import static dev.skopos.source.demo.Json.arr;
import static dev.skopos.source.demo.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.demo.scenario.Mesh;
import dev.skopos.source.demo.scenario.MeshService;
import dev.skopos.source.demo.scenario.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Istio's RDS: for sidecars one route config per HTTP port ("9080") with a virtual host per service
 * on that port; for gateways one per server port ("http.8080") from the VirtualServices bound to the
 * Gateways. A VirtualService's HTTP routes only ever land in a route config, so a host whose port is
 * TCP gets none of them.
 */
public final class RouteGenerator {

    private RouteGenerator() {}

    /** Route config name to JSON, in name order. */
    public static Map<String, ObjectNode> routeConfigs(ProxyView view) {
        Map<String, ObjectNode> configs = new TreeMap<>();
        if (view.pod().gateway()) {
            gatewayRoutes(view, configs);
            return configs;
        }
        Map<Integer, List<ObjectNode>> hostsByPort = new TreeMap<>();
        for (MeshService s : view.services()) {
            for (ServicePort p : s.ports()) {
                if (p.http()) {
                    hostsByPort.computeIfAbsent(p.port(), k -> new ArrayList<>()).add(virtualHost(view, s, p.port()));
                }
            }
        }
        hostsByPort.forEach((port, hosts) -> {
            hosts.add(obj("name", "allow_any", "domains", arr("*"), "routes", arr(obj("name", "allow_any",
                    "match", obj("prefix", "/"), "route", obj("cluster", "PassthroughCluster", "timeout", "0s",
                            "max_grpc_timeout", "0s"))), "include_request_attempt_count", true));
            configs.put(String.valueOf(port), routeConfig(String.valueOf(port), hosts));
        });
        return configs;
    }

    public static ObjectNode configDump(ProxyView view) {
        List<Object> dynamic = new ArrayList<>();
        routeConfigs(view).values().forEach(rc -> dynamic.add(obj("version_info", view.version("rds"),
                "route_config", rc, "last_updated", view.lastUpdated("rds"))));
        return obj("@type", "type.googleapis.com/envoy.admin.v3.RoutesConfigDump",
                "static_route_configs", arr(),
                "dynamic_route_configs", dynamic);
    }

    static ObjectNode routeConfig(String name, List<ObjectNode> virtualHosts) {
        return obj("@type", "type.googleapis.com/envoy.config.route.v3.RouteConfiguration",
                "name", name, "virtual_hosts", virtualHosts, "validate_clusters", false,
                "max_direct_response_body_size_bytes", 1048576, "ignore_port_in_host_matching", true);
    }

    private static ObjectNode virtualHost(ProxyView view, MeshService s, int port) {
        List<Object> domains = new ArrayList<>(List.of(s.host()));
        // A ServiceEntry's name can be its host: Istio never lists a domain twice.
        if (s.namespace().equals(view.pod().namespace()) && !domains.contains(s.name())) {
            domains.add(s.name());
        }
        if (!s.external()) {
            domains.add(s.name() + "." + s.namespace() + ".svc");
            domains.add(s.name() + "." + s.namespace());
            domains.add(s.vip());
        }
        List<JsonNode> services = view.mesh().meshVirtualServices(s.host());
        ArrayNode routes = arr();
        if (services.isEmpty()) {
            routes.add(obj("name", "default", "match", obj("prefix", "/"),
                    "route", action(List.of(obj("name", s.clusterName(port, null))), s.host(), port),
                    "decorator", obj("operation", s.host() + ":" + port + "/*")));
        } else {
            services.forEach(vs -> routes.addAll(vsRoutes(vs, port, s.host())));
        }
        return obj("name", s.host() + ":" + port, "domains", domains, "routes", routes, "include_request_attempt_count", true);
    }

    /** Routes translated from a VirtualService's http section, each tagged with the VS it came from. */
    static List<ObjectNode> vsRoutes(JsonNode vs, int defaultPort, String decoratorHost) {
        List<ObjectNode> routes = new ArrayList<>();
        String ns = Mesh.namespaceOf(vs);
        for (JsonNode http : vs.path("spec").path("http")) {
            List<ObjectNode> clusters = new ArrayList<>();
            for (JsonNode dest : http.path("route")) {
                JsonNode d = dest.path("destination");
                int port = d.path("port").path("number").asInt(defaultPort);
                String subset = d.path("subset").asText("");
                String cluster = "outbound|" + port + "|" + subset + "|" + Mesh.resolve(d.path("host").asText(), ns);
                clusters.add(obj("name", cluster, "weight", dest.has("weight") ? dest.path("weight").asInt() : null));
            }
            List<JsonNode> matches = new ArrayList<>();
            http.path("match").forEach(matches::add);
            if (matches.isEmpty()) {
                matches.add(obj());
            }
            for (JsonNode m : matches) {
                routes.add(obj("name", http.path("name").isMissingNode() ? null : http.path("name").asText(),
                        "match", match(m),
                        "route", action(clusters, decoratorHost, defaultPort),
                        "metadata", obj("filter_metadata", obj("istio", obj("config", Mesh.configPath(vs, "virtual-service")))),
                        "decorator", obj("operation", decoratorHost + ":" + defaultPort + "/*")));
            }
        }
        return routes;
    }

    private static ObjectNode match(JsonNode m) {
        ObjectNode match = m.path("uri").has("exact")
                ? obj("path", m.path("uri").path("exact").asText(), "case_sensitive", true)
                : obj("prefix", m.path("uri").path("prefix").asText("/"), "case_sensitive", m.path("uri").has("prefix") ? true : null);
        if (m.has("headers")) {
            ArrayNode headers = arr();
            m.path("headers").fields().forEachRemaining(h -> headers.add(obj("name", h.getKey(),
                    "string_match", obj("exact", h.getValue().path("exact").asText()))));
            match.set("headers", headers);
        }
        return match;
    }

    /** One destination routes to a cluster; several become weighted_clusters. */
    private static ObjectNode action(List<ObjectNode> clusters, String host, int port) {
        ObjectNode route = clusters.size() == 1
                ? obj("cluster", clusters.get(0).path("name").asText())
                : obj("weighted_clusters", obj("clusters", clusters));
        route.put("timeout", "0s");
        route.set("retry_policy", obj("retry_on", "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes",
                "num_retries", 2, "retry_host_predicate", arr(obj("name", "envoy.retry_host_predicates.previous_hosts",
                        "typed_config", obj("@type", "type.googleapis.com/envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate"))),
                "host_selection_retry_max_attempts", "5", "retriable_status_codes", arr(503)));
        route.set("max_stream_duration", obj("max_stream_duration", "0s", "grpc_timeout_header_max", "0s"));
        return route;
    }

    /** A gateway's route configs: {@code http.<targetPort>} and, per HTTPS server, {@code https.<port>.<name>.<gw>.<ns>}. */
    private static void gatewayRoutes(ProxyView view, Map<String, ObjectNode> configs) {
        Mesh mesh = view.mesh();
        Map<String, List<ObjectNode>> hosts = new TreeMap<>();
        for (JsonNode gw : mesh.gatewaysSelecting(view.pod())) {
            for (JsonNode server : gw.path("spec").path("servers")) {
                int port = server.path("port").path("number").asInt();
                String name = server.path("port").path("protocol").asText().equals("HTTPS")
                        ? "https." + port + "." + server.path("port").path("name").asText() + "."
                          + gw.path("metadata").path("name").asText() + "." + Mesh.namespaceOf(gw)
                        : "http." + targetPort(port);
                List<ObjectNode> list = hosts.computeIfAbsent(name, k -> new ArrayList<>());
                for (JsonNode vs : mesh.virtualServicesBoundTo(gw)) {
                    for (JsonNode host : vs.path("spec").path("hosts")) {
                        if (server.path("hosts").toString().contains("\"" + host.asText() + "\"")) {
                            JsonNode firstDest = vs.path("spec").path("http").path(0).path("route").path(0).path("destination");
                            String destHost = Mesh.resolve(firstDest.path("host").asText(), Mesh.namespaceOf(vs));
                            int destPort = firstDest.path("port").path("number").asInt(
                                    mesh.service(destHost).ports().get(0).port());
                            list.add(obj("name", host.asText() + ":" + port, "domains", arr(host.asText(), host.asText() + ":*"),
                                    "routes", vsRoutes(vs, destPort, destHost), "include_request_attempt_count", true));
                        }
                    }
                }
            }
        }
        hosts.forEach((name, list) -> {
            if (list.isEmpty()) {
                // What Istio sends when no VirtualService is bound: everything gets 404.
                int port = Integer.parseInt(name.split("\\.")[1]);
                list.add(obj("name", "blackhole:" + port, "domains", arr("*"), "routes", arr(obj("name", "block_all",
                        "match", obj("prefix", "/"), "direct_response", obj("status", 404))), "include_request_attempt_count", true));
            }
            configs.put(name, routeConfig(name, list));
        });
    }

    /** The ingress gateway Service maps 80 to 8080 and 443 to 8443; Envoy listens on the target ports. */
    static int targetPort(int port) {
        return switch (port) {
            case 80 -> 8080;
            case 443 -> 8443;
            default -> port;
        };
    }
}
