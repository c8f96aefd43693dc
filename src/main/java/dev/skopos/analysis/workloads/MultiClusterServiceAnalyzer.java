package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * istioctl's services.MultiClusterServiceAnalyzer (IST0170): a Service defined in several clusters whose
 * definitions disagree on headless-ness, type or ports, which makes cross-cluster load balancing behave
 * differently depending on which cluster's view a proxy sees. Objects without a cluster are ignored.
 */
final class MultiClusterServiceAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "services.MultiClusterServiceAnalyzer";
    }

    @Override
    public String description() {
        return "Check the validity of services in the multi-cluster environment";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Map<String, Map<String, Resource>> byName = new LinkedHashMap<>();
        for (Resource s : snapshot.list("", "Service")) {
            String cluster = snapshot.cluster(s);
            if (!cluster.isEmpty()) {
                byName.computeIfAbsent(s.fullName(), k -> new LinkedHashMap<>()).put(cluster, s);
            }
        }
        for (Map<String, Resource> perCluster : byName.values()) {
            if (perCluster.size() < 2) {
                continue;
            }
            TreeSet<String> clusters = new TreeSet<>();
            TreeSet<String> reasons = new TreeSet<>();
            Map.Entry<String, Resource> first = perCluster.entrySet().iterator().next();
            JsonNode firstSpec = first.getValue().spec();
            for (Map.Entry<String, Resource> e : perCluster.entrySet()) {
                JsonNode spec = e.getValue().spec();
                if (headless(firstSpec) != headless(spec)) {
                    clusters.addAll(perCluster.keySet());
                    reasons.add("service has mixed mode like headless and clusterIP");
                }
                if (!spec.path("type").asText("").equals(firstSpec.path("type").asText(""))) {
                    clusters.add(e.getKey());
                    reasons.add("service type is inconsistent");
                }
                if (!samePorts(firstSpec.path("ports"), spec.path("ports"))) {
                    clusters.add(e.getKey());
                    reasons.add("service ports are inconsistent");
                }
            }
            if (!clusters.isEmpty()) {
                clusters.add(first.getKey());
                Resource s = first.getValue();
                reporter.report("MultiClusterInconsistentService", s, s.name(), s.namespace(),
                        new ArrayList<>(clusters), String.join("; ", reasons));
            }
        }
    }

    private static boolean headless(JsonNode spec) {
        return "None".equals(spec.path("clusterIP").asText());
    }

    /** Same ports in any order: compared field by field after sorting by name. */
    private static boolean samePorts(JsonNode a, JsonNode b) {
        List<JsonNode> left = sortedByName(a);
        List<JsonNode> right = sortedByName(b);
        return left.size() == right.size() && Objects.equals(left, right);
    }

    private static List<JsonNode> sortedByName(JsonNode ports) {
        List<JsonNode> out = new ArrayList<>(Kube.list(ports));
        out.sort(Comparator.comparing(p -> p.path("name").asText("")));
        return out;
    }
}
