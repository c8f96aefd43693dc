package dev.skopos.source.multi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each cluster could not answer the last time it was asked (pods forbidden, istiod replicas
 * unknown), so one failing cluster becomes a line in the banner while the others' rows show. An
 * entry is cleared as soon as the same question is answered.
 */
final class ClusterProblems {

    /** cluster → what was asked → the one-line reason. */
    private final Map<String, Map<String, String>> byCluster = new ConcurrentHashMap<>();

    void report(String cluster, String asked, String reason) {
        byCluster.computeIfAbsent(cluster, c -> new ConcurrentHashMap<>()).put(asked, reason);
    }

    void clear(String cluster, String asked) {
        Map<String, String> problems = byCluster.get(cluster);
        if (problems != null) {
            problems.remove(asked);
        }
    }

    /** The cluster's current problems, ordered by what was asked so the banner does not flicker. */
    List<String> of(String cluster) {
        Map<String, String> problems = byCluster.getOrDefault(cluster, Map.of());
        List<String> out = new ArrayList<>();
        problems.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.add(e.getValue()));
        return out;
    }
}
