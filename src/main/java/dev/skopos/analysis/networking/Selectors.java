package dev.skopos.analysis.networking;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Equality label selectors as Kubernetes' {@code labels.SelectorFromSet} builds them: every
 * key must be present with exactly that value; an empty selector selects everything. String
 * forms are {@code k=v} pairs sorted by key and joined with commas, which is what istioctl prints.
 */
public final class Selectors {

    private Selectors() {
    }

    /** A string map from a JSON object (missing or non-object: empty). */
    public static Map<String, String> labels(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        return out;
    }

    public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : selector.entrySet()) {
            if (!labels.containsKey(e.getKey()) || !labels.get(e.getKey()).equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** {@code app=x,version=v1}: sorted by key; "" for the empty selector. */
    public static String toString(Map<String, String> selector) {
        return new TreeMap<>(selector).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** Parses {@link #toString}'s form back (pairs without exactly one '=' are skipped, as istio does). */
    public static Map<String, String> parse(String selector) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : selector.split(",")) {
            String[] kv = pair.split("=", -1);
            if (kv.length == 2) {
                out.put(kv[0], kv[1]);
            }
        }
        return out;
    }
}
