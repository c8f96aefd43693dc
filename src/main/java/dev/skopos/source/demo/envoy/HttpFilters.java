package dev.skopos.source.demo.envoy;

import static dev.skopos.source.demo.Json.arr;
import static dev.skopos.source.demo.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The network filters Istio builds listeners from: HTTP connection manager and TCP proxy. */
final class HttpFilters {

    /** Istio's default TEXT access-log format (meshConfig.accessLogFile=/dev/stdout). */
    static final String ACCESS_LOG_FORMAT = "[%START_TIME%] \"%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% "
            + "%PROTOCOL%\" %RESPONSE_CODE% %RESPONSE_FLAGS% %RESPONSE_CODE_DETAILS% %CONNECTION_TERMINATION_DETAILS% "
            + "\"%UPSTREAM_TRANSPORT_FAILURE_REASON%\" %BYTES_RECEIVED% %BYTES_SENT% %DURATION% "
            + "%RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% \"%REQ(X-FORWARDED-FOR)%\" \"%REQ(USER-AGENT)%\" "
            + "\"%REQ(X-REQUEST-ID)%\" \"%REQ(:AUTHORITY)%\" \"%UPSTREAM_HOST%\" %UPSTREAM_CLUSTER_RAW% "
            + "%UPSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_REMOTE_ADDRESS% "
            + "%REQUESTED_SERVER_NAME% %ROUTE_NAME%\n";

    private HttpFilters() {}

    static ArrayNode accessLog() {
        return arr(obj("name", "envoy.access_loggers.file", "typed_config", obj(
                "@type", "type.googleapis.com/envoy.extensions.access_loggers.file.v3.FileAccessLog",
                "path", "/dev/stdout",
                "log_format", obj("text_format_source", obj("inline_string", ACCESS_LOG_FORMAT)))));
    }

    /** HCM using RDS ({@code routeConfigName}) or an inline route ({@code inlineRoute}). */
    static ObjectNode hcm(String statPrefix, String routeConfigName, JsonNode inlineRoute, boolean inbound,
                          List<ObjectNode> extraBeforeRouter) {
        ArrayNode filters = arr(
                obj("name", "istio.metadata_exchange", "typed_config", obj(
                        "@type", "type.googleapis.com/io.istio.http.peer_metadata.Config",
                        inbound ? "downstream_discovery" : "upstream_discovery",
                        arr(obj("istio_headers", obj()), obj("workload_discovery", obj())))),
                inbound ? null : obj("name", "istio.alpn", "typed_config", obj(
                        "@type", "type.googleapis.com/istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig",
                        "alpn_override", arr(obj("alpn_override", arr("istio-http/1.0", "istio", "http/1.0")),
                                obj("upstream_protocol", "HTTP11", "alpn_override", arr("istio-http/1.1", "istio", "http/1.1")),
                                obj("upstream_protocol", "HTTP2", "alpn_override", arr("istio-h2", "istio", "h2"))))),
                obj("name", "envoy.filters.http.fault", "typed_config",
                        obj("@type", "type.googleapis.com/envoy.extensions.filters.http.fault.v3.HTTPFault")),
                obj("name", "envoy.filters.http.cors", "typed_config",
                        obj("@type", "type.googleapis.com/envoy.extensions.filters.http.cors.v3.Cors")),
                obj("name", "istio.stats", "typed_config", obj("@type", "type.googleapis.com/stats.PluginConfig",
                        "reporter", inbound ? "SERVER" : null)));
        extraBeforeRouter.forEach(filters::add);
        filters.add(obj("name", "envoy.filters.http.router", "typed_config",
                obj("@type", "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router")));
        ObjectNode config = obj(
                "@type", "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager",
                "stat_prefix", statPrefix,
                "rds", routeConfigName == null ? null : obj("config_source", obj("ads", obj(), "initial_fetch_timeout", "0s",
                        "resource_api_version", "V3"), "route_config_name", routeConfigName),
                "route_config", inlineRoute,
                "http_filters", filters,
                "tracing", obj("client_sampling", obj("value", 100), "random_sampling", obj("value", 1), "overall_sampling",
                        obj("value", 100)),
                "access_log", accessLog(),
                "use_remote_address", false,
                "forward_client_cert_details", inbound ? "APPEND_FORWARD" : "SANITIZE_SET",
                "upgrade_configs", arr(obj("upgrade_type", "websocket")),
                "stream_idle_timeout", "0s",
                "normalize_path", true,
                "request_id_extension", obj("typed_config", obj(
                        "@type", "type.googleapis.com/envoy.extensions.request_id.uuid.v3.UuidRequestIdConfig",
                        "use_request_id_for_trace_sampling", true)),
                "path_with_escaped_slashes_action", "KEEP_UNCHANGED");
        return obj("name", "envoy.filters.network.http_connection_manager", "typed_config", config);
    }

    static ObjectNode tcpProxy(String cluster) {
        return obj("name", "envoy.filters.network.tcp_proxy", "typed_config", obj(
                "@type", "type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy",
                "stat_prefix", cluster, "cluster", cluster, "access_log", accessLog()));
    }
}
