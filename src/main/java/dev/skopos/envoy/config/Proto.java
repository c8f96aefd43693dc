package dev.skopos.envoy.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Field access on protobuf messages in the proto3 JSON mapping. Envoy writes snake_case names
 * but saved dumps that went through other tools (and istioctl's own test data) use lowerCamelCase,
 * and proto3 JSON readers accept both, so every lookup here tries both spellings.
 */
public final class Proto {

    private Proto() {
    }

    /** The field {@code snake} (or its lowerCamelCase twin); a MissingNode when absent or null. */
    static JsonNode get(JsonNode node, String snake) {
        if (node == null || !node.isObject()) {
            return MissingNode.getInstance();
        }
        JsonNode v = node.get(snake);
        if (v == null && snake.indexOf('_') >= 0) {
            v = node.get(camel(snake));
        }
        return v == null || v.isNull() ? MissingNode.getInstance() : v;
    }

    /** Walks nested fields: {@code at(n, "metadata", "filter_metadata", "istio")}. */
    static JsonNode at(JsonNode node, String... path) {
        JsonNode cur = node;
        for (String p : path) {
            cur = get(cur, p);
        }
        return cur;
    }

    /** The proto3 JSON name of a field: {@code filter_chains} → {@code filterChains}. */
    public static String camel(String snake) {
        StringBuilder b = new StringBuilder(snake.length());
        boolean up = false;
        for (int i = 0; i < snake.length(); i++) {
            char c = snake.charAt(i);
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = get(node, field);
        return v.isValueNode() ? v.asText() : "";
    }

    /** A wrapper or plain integer ({@code {"value": 3}} or {@code 3} or {@code "3"}); null when absent. */
    static Long int64(JsonNode v) {
        if (v.isObject()) {
            v = get(v, "value");
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Integer int32(JsonNode v) {
        Long l = int64(v);
        return l == null ? null : (int) (long) l;
    }

    static int int32(JsonNode node, String field, int fallback) {
        Integer v = int32(get(node, field));
        return v == null ? fallback : v;
    }

    /** A proto3 Duration ({@code "3600s"}, {@code "0.250s"}) or {@code {seconds, nanos}}; null when absent or unreadable. */
    static Duration duration(JsonNode v) {
        if (v.isObject()) {
            return Duration.ofSeconds(get(v, "seconds").asLong(0), get(v, "nanos").asLong(0));
        }
        if (!v.isTextual()) {
            return null;
        }
        String s = v.asText().strip();
        if (s.endsWith("s")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            BigDecimal seconds = new BigDecimal(s);
            return Duration.ofSeconds(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** An RFC 3339 timestamp; null when absent or unreadable, so one bad date hides nothing else. */
    static Instant instant(JsonNode v) {
        return v.isTextual() ? Timestamps.parse(v.asText()) : null;
    }

    static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        if (arr.isArray()) {
            arr.forEach(n -> {
                if (n.isValueNode()) {
                    out.add(n.asText());
                }
            });
        }
        return List.copyOf(out);
    }

    /** The {@code @type} of an Any, "" when absent. */
    static String type(JsonNode any) {
        JsonNode t = any.get("@type");
        return t == null ? "" : t.asText();
    }

    /** A proto3 percentage ({@code {"value": 10}}) or fractional percent ({@code {numerator, denominator}}). */
    static double percent(JsonNode v, double fallback) {
        if (v.isMissingNode()) {
            return fallback;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (get(v, "value").isNumber()) {
            return get(v, "value").asDouble();
        }
        if (v.has("numerator")) {
            double num = get(v, "numerator").asDouble(0);
            return switch (text(v, "denominator")) {
                case "TEN_THOUSAND" -> num / 100.0;
                case "MILLION" -> num / 10_000.0;
                default -> num;
            };
        }
        return fallback;
    }

    /** A {@code core.Address}. */
    static EnvoyAddress address(JsonNode addr) {
        JsonNode sock = get(addr, "socket_address");
        if (sock.isObject()) {
            Integer port = int32(get(sock, "port_value"));
            return new EnvoyAddress(EnvoyAddress.Kind.SOCKET, text(sock, "address"), port == null ? 0 : port, "");
        }
        JsonNode pipe = get(addr, "pipe");
        if (pipe.isObject()) {
            return new EnvoyAddress(EnvoyAddress.Kind.PIPE, text(pipe, "path"), 0, "");
        }
        JsonNode internal = get(addr, "envoy_internal_address");
        if (internal.isObject()) {
            return new EnvoyAddress(EnvoyAddress.Kind.INTERNAL, text(internal, "server_listener_name"), 0,
                    text(internal, "endpoint_id"));
        }
        return EnvoyAddress.NONE;
    }

    /** {@code metadata.filter_metadata.istio.config}: the Istio config an object was generated from. */
    static String istioConfig(JsonNode owner) {
        return text(at(owner, "metadata", "filter_metadata", "istio"), "config");
    }
}
