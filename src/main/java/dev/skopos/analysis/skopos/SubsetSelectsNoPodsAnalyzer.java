package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Incident 5: a subset whose labels match none of the host's pods, so its Envoy cluster has no
 * endpoints (503 UH). Only judged when the snapshot holds pods of the Service (from manifests alone we
 * cannot know), and only for subsets that survive Istio's merge (a subset whose name an older rule took
 * never becomes a cluster; SKP0001 reports those).
 */
public final class SubsetSelectsNoPodsAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "skopos.SubsetSelectsNoPods";
    }

    @Override
    public String description() {
        return "Finds DestinationRule subsets whose labels select none of the host's pods";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Set<String> taken = new HashSet<>();
        List<Resource> ordered = new ArrayList<>(snapshot.list("networking.istio.io", "DestinationRule"));
        ordered.sort(DestinationRuleConflictAnalyzer.OLDEST_FIRST);
        for (Resource dr : ordered) {
            String host = DestinationRuleConflictAnalyzer.host(dr);
            Optional<Resource> service = Hosts.service(snapshot, host);
            if (service.isEmpty()) {
                continue;
            }
            List<Resource> pods = Pods.selectedBy(snapshot, service.get().namespace(), service.get().spec().path("selector"));
            for (JsonNode subset : dr.spec().path("subsets")) {
                String key = dr.namespace() + "|" + host + "|" + dr.spec().path("workloadSelector") + "|"
                        + subset.path("name").asText();
                if (!taken.add(key) || pods.isEmpty() || !subset.path("labels").isObject() || subset.path("labels").isEmpty()) {
                    continue;
                }
                if (pods.stream().noneMatch(p -> Pods.selects(subset.path("labels"), p.labels()))) {
                    reporter.report("SubsetSelectsNoPods", dr, subset.path("name").asText(), dr.fullName(),
                            Hosts.shortName(host), labels(subset.path("labels")));
                }
            }
        }
    }

    private static String labels(JsonNode labels) {
        List<String> out = new ArrayList<>();
        labels.fields().forEachRemaining(e -> out.add(e.getKey() + "=" + e.getValue().asText()));
        return String.join(",", out);
    }
}
