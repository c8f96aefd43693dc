package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Equality label selectors the way Kubernetes' {@code labels.SelectorFromSet} treats them: every
 * key must be present with the same value, and an empty selector matches everything.
 */
final class WorkloadSelectors {

    private WorkloadSelectors() {
    }

    /** The string map under {@code node} (e.g. a selector's matchLabels); empty when absent. */
    static Map<String, String> labels(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return dev.skopos.analysis.networking.Selectors.matches(selector, labels);
    }

    /** The selector as Kubernetes prints it, which istioctl puts in messages: {@code a=b,c=d}, keys sorted. */
    static String describe(Map<String, String> selector) {
        return new TreeMap<>(selector).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** Pods of one namespace whose labels the selector matches, in snapshot order. */
    static List<Resource> podsIn(ResourceSnapshot snapshot, String namespace, Map<String, String> selector) {
        return snapshot.list("", "Pod").stream()
                .filter(p -> p.namespace().equals(namespace) && matches(selector, p.labels()))
                .toList();
    }
}
