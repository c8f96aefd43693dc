package dev.skopos.analysis.networking;

import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * istioctl's {@code sidecar.DefaultSelectorAnalyzer} (older releases; newer ones fold it into
 * {@code sidecar.SelectorAnalyzer}): more than one Sidecar without a workload selector in a namespace
 * makes the namespace default undefined. It needs no pods, so it also runs when they are unknown.
 * The finding is word for word the one SelectorAnalyzer makes, so a full run reports it once.
 */
final class SidecarDefaultSelectorAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "sidecar.DefaultSelectorAnalyzer";
    }

    @Override
    public String description() {
        return "Validates that there aren't multiple sidecar resources that have no selector";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Map<String, List<Resource>> byNamespace = new LinkedHashMap<>();
        for (Resource sc : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "Sidecar")) {
            // Only a missing workloadSelector counts here (an empty one does in SelectorAnalyzer).
            if (!sc.spec().has("workloadSelector") || sc.spec().get("workloadSelector").isNull()) {
                byNamespace.computeIfAbsent(sc.namespace(), k -> new ArrayList<>()).add(sc);
            }
        }
        byNamespace.forEach((ns, sidecars) -> reportMultiple(ns, sidecars, reporter));
    }

    static void reportMultiple(String namespace, List<Resource> sidecars, Reporter reporter) {
        if (sidecars.size() < 2) {
            return;
        }
        List<String> names = sidecars.stream().map(Resource::name).toList();
        for (Resource sc : sidecars) {
            reporter.report("MultipleSidecarsWithoutWorkloadSelectors", sc, names, namespace);
        }
    }
}
