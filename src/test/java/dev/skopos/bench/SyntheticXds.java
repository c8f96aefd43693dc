package dev.skopos.bench;

import static dev.skopos.bench.SyntheticDump.cluster;
import static dev.skopos.bench.SyntheticDump.host;
import static dev.skopos.bench.SyntheticDump.namespace;
import static dev.skopos.bench.SyntheticDump.port;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The listener (LDS) and route (RDS) sections of {@link SyntheticDump}. Listener {@code i} and
 * route config {@code i} belong to service {@code i / 2}, port {@code i % 2}: a third of the
 * listeners are TCP proxies, the rest HTTP connection managers whose RDS name is a route config of
 * the dump, as on a sidecar with one VIP listener per service port.
 */
final class SyntheticXds {

    private static final String[] HTTP_FILTERS = {
        "istio.metadata_exchange", "io.istio.http.peer_metadata.Config",
        "envoy.filters.http.fault", "envoy.extensions.filters.http.fault.v3.HTTPFault",
        "envoy.filters.http.cors", "envoy.extensions.filters.http.cors.v3.Cors",
        "istio.stats", "stats.PluginConfig",
        "envoy.filters.http.router", "envoy.extensions.filters.http.router.v3.Router",
    };

    private final SyntheticDump d;
    private final JsonGenerator g;

    SyntheticXds(SyntheticDump dump) {
        this.d = dump;
        this.g = dump.g;
    }

    static String vip(int service) {
        return "10.96." + (service / 250) + "." + (service % 250);
    }

    static String routeName(int i) {
        return host(i / 2) + ":" + port(i / 2, i % 2);
    }

    void listeners(int count) throws IOException {
        g.writeStartObject();
        g.writeStringField("@type", SyntheticDump.ADMIN + "ListenersConfigDump");
        g.writeStringField("version_info", SyntheticDump.VERSION);
        g.writeArrayFieldStart("dynamic_listeners");
        for (int i = 0; i < count; i++) {
            int service = i / 2;
            String name = vip(service) + "_" + port(service, i % 2);
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeObjectFieldStart("active_state");
            g.writeStringField("version_info", SyntheticDump.VERSION);
            g.writeObjectFieldStart("listener");
            g.writeStringField("@type", "type.googleapis.com/envoy.config.listener.v3.Listener");
            g.writeStringField("name", name);
            g.writeObjectFieldStart("address");
            g.writeObjectFieldStart("socket_address");
            g.writeStringField("address", vip(service));
            g.writeNumberField("port_value", port(service, i % 2));
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("filter_chains");
            if (i % 3 == 0) {
                int chains = 1 + d.random.nextInt(3);
                for (int c = 0; c < chains; c++) {
                    tcpChain(service, i % 2, c);
                }
            } else {
                httpChain(i);
                tcpChain(service, i % 2, 0); // TLS origination by the app: SNI routing beside HTTP
            }
            g.writeEndArray();
            g.writeArrayFieldStart("listener_filters");
            for (String f : new String[] {"envoy.filters.listener.tls_inspector", "envoy.filters.listener.http_inspector"}) {
                g.writeStartObject();
                g.writeStringField("name", f);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("traffic_direction", "OUTBOUND");
            g.writeBooleanField("bind_to_port", false);
            if (i % 3 == 0) { // Istio logs TCP connections at the listener; HTTP ones in the HCM
                d.accessLog();
            }
            g.writeEndObject();
            g.writeStringField("last_updated", SyntheticDump.UPDATED);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void tcpChain(int service, int which, int chain) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("filter_chain_match");
        g.writeArrayFieldStart("server_names");
        g.writeString("tcp-" + chain + "." + host(service));
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("filters");
        g.writeStartObject();
        g.writeStringField("name", "envoy.filters.network.tcp_proxy");
        g.writeObjectFieldStart("typed_config");
        g.writeStringField("@type", "type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy");
        String target = cluster("outbound", port(service, which), "", service);
        g.writeStringField("stat_prefix", target);
        if (chain == 2) { // a weighted TCP route, as a VirtualService with two tcp destinations makes
            g.writeObjectFieldStart("weighted_clusters");
            g.writeArrayFieldStart("clusters");
            weighted(cluster("outbound", port(service, which), "v1", service), 80);
            weighted(cluster("outbound", port(service, which), "v2", service), 20);
            g.writeEndArray();
            g.writeEndObject();
        } else {
            g.writeStringField("cluster", target);
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("name", "tcp-" + chain);
        g.writeEndObject();
    }

    private void httpChain(int i) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("filter_chain_match");
        g.writeStringField("transport_protocol", "raw_buffer");
        g.writeArrayFieldStart("application_protocols");
        g.writeString("http/1.1");
        g.writeString("h2c");
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("filters");
        g.writeStartObject();
        g.writeStringField("name", "envoy.filters.network.http_connection_manager");
        g.writeObjectFieldStart("typed_config");
        g.writeStringField("@type", "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager"
                + ".v3.HttpConnectionManager");
        g.writeStringField("stat_prefix", "outbound_" + routeName(i));
        g.writeObjectFieldStart("rds");
        d.adsSource("config_source");
        g.writeStringField("route_config_name", routeName(i));
        g.writeEndObject();
        g.writeArrayFieldStart("http_filters");
        for (int f = 0; f < HTTP_FILTERS.length; f += 2) {
            g.writeStartObject();
            g.writeStringField("name", HTTP_FILTERS[f]);
            g.writeObjectFieldStart("typed_config");
            g.writeStringField("@type", "type.googleapis.com/" + HTTP_FILTERS[f + 1]);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        d.accessLog();
        g.writeBooleanField("use_remote_address", false);
        g.writeStringField("forward_client_cert_details", "SANITIZE_SET");
        g.writeBooleanField("normalize_path", true);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("name", routeName(i));
        g.writeEndObject();
    }

    void routes(int count) throws IOException {
        g.writeStartObject();
        g.writeStringField("@type", SyntheticDump.ADMIN + "RoutesConfigDump");
        g.writeArrayFieldStart("dynamic_route_configs");
        for (int i = 0; i < count; i++) {
            g.writeStartObject();
            g.writeStringField("version_info", SyntheticDump.VERSION);
            g.writeObjectFieldStart("route_config");
            g.writeStringField("@type", "type.googleapis.com/envoy.config.route.v3.RouteConfiguration");
            g.writeStringField("name", routeName(i));
            g.writeArrayFieldStart("virtual_hosts");
            int service = i / 2;
            int port = port(service, i % 2);
            // The service itself, and a neighbour in the same namespace, as a Sidecar scope would import.
            virtualHost(service, port, i % 5 == 0);
            if (i % 2 == 0) {
                virtualHost(service + SyntheticDump.NAMESPACES, port, false);
            }
            g.writeEndArray();
            g.writeBooleanField("validate_clusters", false);
            g.writeBooleanField("ignore_port_in_host_matching", true);
            g.writeEndObject();
            g.writeStringField("last_updated", SyntheticDump.UPDATED);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void virtualHost(int service, int port, boolean split) throws IOException {
        String host = host(service);
        g.writeStartObject();
        g.writeStringField("name", host + ":" + port);
        g.writeArrayFieldStart("domains");
        String shortName = "svc-" + service;
        for (String domain : new String[] {host, shortName + "." + namespace(service) + ".svc",
            shortName + "." + namespace(service), SyntheticXds.vip(service)}) {
            g.writeString(domain);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("routes");
        if (split) { // a 90/10 canary on /api, the rest to the default subset
            route("canary", "/api", null, service, port, true);
        }
        route("default", "/", cluster("outbound", port, "", service), service, port, false);
        g.writeEndArray();
        g.writeBooleanField("include_request_attempt_count", true);
        g.writeEndObject();
    }

    private void route(String name, String prefix, String target, int service, int port, boolean split)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeObjectFieldStart("match");
        g.writeStringField("prefix", prefix);
        g.writeEndObject();
        g.writeObjectFieldStart("route");
        if (split) {
            g.writeObjectFieldStart("weighted_clusters");
            g.writeArrayFieldStart("clusters");
            weighted(cluster("outbound", port, "v1", service), 90);
            weighted(cluster("outbound", port, "v2", service), 10);
            g.writeEndArray();
            g.writeEndObject();
        } else {
            g.writeStringField("cluster", target);
        }
        g.writeStringField("timeout", "0s");
        g.writeObjectFieldStart("retry_policy");
        g.writeStringField("retry_on", "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes");
        g.writeNumberField("num_retries", 2);
        g.writeStringField("host_selection_retry_max_attempts", "5");
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("decorator");
        g.writeStringField("operation", host(service) + ":" + port + "/*");
        g.writeEndObject();
        g.writeObjectFieldStart("metadata");
        g.writeObjectFieldStart("filter_metadata");
        g.writeObjectFieldStart("istio");
        g.writeStringField("config", "/apis/networking.istio.io/v1/namespaces/" + namespace(service)
                + "/virtual-service/svc-" + service);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private void weighted(String cluster, int weight) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", cluster);
        g.writeNumberField("weight", weight);
        g.writeEndObject();
    }
}
