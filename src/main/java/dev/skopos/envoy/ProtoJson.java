package dev.skopos.envoy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reading Envoy admin answers, which are protobuf messages in the proto3 JSON mapping: durations
 * as {@code "3600.5s"}, timestamps as RFC 3339 strings, 64-bit integers as strings. Every parser
 * goes through here so malformed input fails the same way everywhere.
 */
final class ProtoJson {

    // Config dumps hold big numbers and duplicated keys never matter to us; be as lenient as
    // Envoy's own output can require, but still refuse anything that is not JSON.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private ProtoJson() {
    }

    /** The answer as a JSON object, or an {@link EnvoyParseException} naming {@code endpoint}. */
    static JsonNode readObject(String endpoint, String body) {
        if (body == null || body.isBlank()) {
            throw new EnvoyParseException(endpoint + ": empty answer");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new EnvoyParseException(endpoint + ": not JSON (" + EnvoyParseException.oneLine(e) + ")", e);
        }
        if (node == null || !node.isObject()) {
            throw new EnvoyParseException(endpoint + ": expected a JSON object, got "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
        }
        return node;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : "";
    }

    /** A proto3 Duration ({@code "3600s"}, {@code "0.250s"}) or the older {@code {seconds, nanos}}; zero when absent. */
    static Duration duration(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return Duration.ZERO;
        }
        if (node.isObject()) {
            return Duration.ofSeconds(node.path("seconds").asLong(0), node.path("nanos").asLong(0));
        }
        String s = node.asText().strip();
        if (s.endsWith("s")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            BigDecimal seconds = new BigDecimal(s);
            return Duration.ofSeconds(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        } catch (NumberFormatException | ArithmeticException e) {
            return Duration.ZERO;
        }
    }

    /** An RFC 3339 timestamp, null when absent or unreadable (a bad date must not hide the rest). */
    static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A 64-bit integer that proto3 JSON may send as a number or a string; {@code fallback} otherwise. */
    static long int64(JsonNode node, long fallback) {
        if (node == null) {
            return fallback;
        }
        if (node.isNumber()) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
