package dev.skopos.analysis.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * istioctl's {@code destinationrule.SubsetSelectPodAnalyzer} (Go type PodNotSelectedAnalyzer): a
 * DestinationRule's host must resolve to a Service or ServiceEntry, and each subset must select at
 * least one pod. Pods are matched with the labels istiod gives them: their own, plus the node's
 * topology (region, zone, subzone) and {@code kubernetes.io/hostname}. A ServiceEntry's workload
 * selector is merged into each subset's labels; a Kubernetes Service's selector is not (as istioctl).
 */
final class SubsetSelectPodAnalyzer implements Analyzer {

    static final String REGION = "topology.kubernetes.io/region";
    static final String ZONE = "topology.kubernetes.io/zone";
    static final String SUBZONE = "topology.istio.io/subzone";
    static final String HOSTNAME = "kubernetes.io/hostname";

    private record Subset(Resource rule, String name, Map<String, String> selector) {
    }

    @Override
    public String name() {
        return "destinationrule.SubsetSelectPodAnalyzer";
    }

    @Override
    public String description() {
        return "Checks if pods are selected by subsets in destination rules.";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        MeshServices services = MeshServices.of(snapshot);
        List<Subset> subsets = new ArrayList<>();
        for (Resource dr : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "DestinationRule")) {
            String host = dr.spec().path("host").asText("");
            MeshServices.Service se = services.resolve(dr.namespace(), ExportTo.of(dr.spec()), host);
            if (se == null) {
                reporter.report("UnknownDestinationRuleHost", dr, host);
                continue;
            }
            for (JsonNode s : dr.spec().path("subsets")) {
                Map<String, String> selector = new LinkedHashMap<>(se.workloadSelector());
                selector.putAll(Selectors.labels(s.path("labels")));
                subsets.add(new Subset(dr, s.path("name").asText(""), selector));
            }
        }
        Map<String, Map<String, String>> nodeLabels = new HashMap<>();
        snapshot.list("", "Node").forEach(n -> nodeLabels.put(n.name(), n.labels()));
        List<Map<String, String>> podLabels = snapshot.list("", "Pod").stream()
                .map(p -> augmented(p, nodeLabels)).toList();
        for (Subset s : subsets) {
            if (podLabels.stream().noneMatch(l -> Selectors.matches(s.selector(), l))) {
                reporter.report("DestinationRuleSubsetNotSelectPods", s.rule(), s.name());
            }
        }
    }

    /** A pod's labels as istiod's registry augments them from the node it runs on. */
    static Map<String, String> augmented(Resource pod, Map<String, Map<String, String>> nodeLabels) {
        Map<String, String> out = new LinkedHashMap<>(pod.labels());
        String nodeName = pod.spec().path("nodeName").asText("");
        Map<String, String> node = nodeLabels.get(nodeName);
        if (node != null) {
            // Locality is region/zone/subzone: a subzone without a zone is lost, as in istiod.
            putIfSet(out, REGION, node.getOrDefault(REGION, ""));
            String zone = node.getOrDefault(ZONE, "");
            putIfSet(out, ZONE, zone);
            if (!zone.isEmpty()) {
                putIfSet(out, SUBZONE, node.getOrDefault(SUBZONE, ""));
            }
        }
        putIfSet(out, HOSTNAME, nodeName);
        return out;
    }

    private static void putIfSet(Map<String, String> labels, String key, String value) {
        if (!value.isEmpty()) {
            labels.put(key, value);
        }
    }
}
