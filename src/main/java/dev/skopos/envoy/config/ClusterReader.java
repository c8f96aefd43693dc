package dev.skopos.envoy.config;

import static dev.skopos.envoy.config.Proto.get;
import static dev.skopos.envoy.config.Proto.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Cluster objects (v3, or v2 inside v3 wrappers) to {@link ClusterConfig} records. */
final class ClusterReader {

    private ClusterReader() {
    }

    static ClusterConfig read(JsonNode c, boolean dynamic, String versionInfo, Instant lastUpdated, boolean keepRaw) {
        String name = text(c, "name");
        String type = text(c, "type");
        if (type.isEmpty()) {
            JsonNode ext = get(c, "cluster_type");
            type = ext.isObject() ? text(ext, "name") : "STATIC";
        }
        String lb = text(c, "lb_policy");
        return new ClusterConfig(name, ClusterKey.parse(name), type,
                text(get(c, "eds_cluster_config"), "service_name"), Proto.istioConfig(c), tls(c),
                circuitBreakers(get(c, "circuit_breakers")), outlier(get(c, "outlier_detection")),
                lb.isEmpty() ? "ROUND_ROBIN" : lb, Proto.duration(get(c, "connect_timeout")), dynamic, versionInfo,
                lastUpdated, keepRaw ? c : null);
    }

    /**
     * Istio's auto mTLS puts the TLS socket in {@code transport_socket_matches} under a
     * {@code tlsMode: istio} match and plaintext in the default; an explicit DestinationRule TLS
     * mode sets {@code transport_socket} itself. v2 clusters carry {@code tls_context} instead.
     */
    private static ClusterConfig.ClusterTls tls(JsonNode c) {
        JsonNode socket = get(c, "transport_socket");
        if (socket.isObject()) {
            ClusterConfig.ClusterTls t = fromSocket(socket, false);
            if (t != null) {
                return t;
            }
        }
        if (get(c, "tls_context").isObject()) {
            return fromContext(get(c, "tls_context"), false);
        }
        for (JsonNode m : get(c, "transport_socket_matches")) {
            if (!text(get(m, "match"), "tlsMode").isEmpty() || !get(m, "match").isObject()) {
                ClusterConfig.ClusterTls t = fromSocket(get(m, "transport_socket"), get(m, "match").isObject());
                if (t != null) {
                    return t;
                }
            }
        }
        return ClusterConfig.ClusterTls.NONE;
    }

    private static ClusterConfig.ClusterTls fromSocket(JsonNode socket, boolean auto) {
        JsonNode cfg = get(socket, "typed_config");
        String type = Proto.type(cfg);
        if (type.endsWith("UpstreamTlsContext")) {
            return fromContext(cfg, auto);
        }
        // Wrappers (internal_upstream, tcp_stats) nest the real socket one level down.
        JsonNode inner = get(cfg, "transport_socket");
        return inner.isObject() ? fromSocket(inner, auto) : null;
    }

    private static ClusterConfig.ClusterTls fromContext(JsonNode ctx, boolean auto) {
        JsonNode common = get(ctx, "common_tls_context");
        List<String> secrets = new ArrayList<>();
        for (JsonNode s : get(common, "tls_certificate_sds_secret_configs")) {
            secrets.add(text(s, "name"));
        }
        JsonNode validation = get(get(common, "combined_validation_context"), "validation_context_sds_secret_config");
        if (!validation.isObject()) {
            validation = get(common, "validation_context_sds_secret_config");
        }
        if (validation.isObject()) {
            secrets.add(text(validation, "name"));
        }
        boolean istio = secrets.contains("default") && secrets.contains("ROOTCA");
        return new ClusterConfig.ClusterTls(istio ? ClusterConfig.ClusterTls.Mode.ISTIO_MUTUAL
                : ClusterConfig.ClusterTls.Mode.TLS, auto, text(ctx, "sni"), List.copyOf(secrets));
    }

    private static ClusterConfig.CircuitBreakers circuitBreakers(JsonNode cb) {
        for (JsonNode t : get(cb, "thresholds")) {
            String priority = text(t, "priority");
            if (priority.isEmpty() || priority.equals("DEFAULT")) {
                return new ClusterConfig.CircuitBreakers(Proto.int64(get(t, "max_connections")),
                        Proto.int64(get(t, "max_pending_requests")), Proto.int64(get(t, "max_requests")),
                        Proto.int64(get(t, "max_retries")));
            }
        }
        return null;
    }

    private static ClusterConfig.OutlierDetection outlier(JsonNode od) {
        if (!od.isObject()) {
            return null;
        }
        return new ClusterConfig.OutlierDetection(Proto.int32(get(od, "consecutive_5xx")),
                Proto.duration(get(od, "interval")), Proto.duration(get(od, "base_ejection_time")),
                Proto.int32(get(od, "max_ejection_percent")));
    }
}
