package dev.skopos.source.demo.envoy;

import dev.skopos.source.SourceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Envoy's logger levels, mutable the way {@code POST /logging} mutates them. The names are
 * Envoy's own logger ids in the order {@code GET /logging} prints them.
 */
public final class EnvoyLoggers {

    static final List<String> NAMES = List.of("admin", "alternate_protocols_cache", "aws", "assert", "backtrace",
            "basic_auth", "cache_filter", "client", "config", "connection", "conn_handler", "credential_injector",
            "decompression", "dns", "dubbo", "envoy_bug", "ext_authz", "ext_proc", "rocketmq", "file", "filter",
            "forward_proxy", "geolocation", "grpc", "happy_eyeballs", "hc", "health_checker", "http", "http2",
            "http3", "hystrix", "init", "io", "jwt", "kafka", "key_value_store", "lua", "main", "matcher", "misc",
            "mongo", "multi_connection", "oauth2", "quic", "quic_stream", "pool", "rate_limit_quota", "rbac", "rds",
            "redis", "router", "runtime", "stats", "secret", "tap", "testing", "thrift", "tracing", "upstream",
            "udp", "wasm", "websocket", "golang");

    private static final List<String> LEVELS = List.of("trace", "debug", "info", "warning", "error", "critical", "off");

    private final Map<String, String> levels = new LinkedHashMap<>();

    /** Istio starts Envoy with {@code --log-level warning --component-log-level misc:error}. */
    public EnvoyLoggers(Map<String, String> overrides) {
        NAMES.forEach(n -> levels.put(n, "warning"));
        levels.put("misc", "error");
        levels.putAll(overrides);
    }

    public synchronized String listing() {
        StringBuilder out = new StringBuilder("active loggers:\n");
        levels.forEach((name, level) -> out.append("  ").append(name).append(": ").append(level).append('\n'));
        return out.toString();
    }

    /** Applies {@code ?level=L} (logger null) or {@code ?LOGGER=L}; answers the new listing. */
    public synchronized String set(String logger, String level) {
        String normalized = "warn".equals(level) ? "warning" : level;
        if (normalized == null || !LEVELS.contains(normalized)) {
            throw new SourceException(SourceException.Reason.MALFORMED, "error: unknown logger level '" + level
                    + "'\nusage: /logging?<name>=<level> (change single level)\nusage: /logging?level=<level> "
                    + "(change all levels)\nlevels:  trace debug info warning error critical off");
        }
        if (logger == null) {
            levels.replaceAll((n, l) -> normalized);
        } else if (levels.containsKey(logger)) {
            levels.put(logger, normalized);
        } else {
            throw new SourceException(SourceException.Reason.MALFORMED, "error: unknown logger name '" + logger + "'");
        }
        return listing();
    }
}
