package dev.skopos.analysis.security;

import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * istioctl's telemetry.SelectorAnalyzer: a Telemetry with a selector must select a pod in its
 * namespace, and no pod may be selected by two Telemetries (which one wins is undefined).
 */
final class TelemetrySelectorAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "telemetry.SelectorAnalyzer";
    }

    @Override
    public String description() {
        return "Validates that telemetries that define a selector match at least one pod, "
                + "and that there aren't multiple telemetry resources that select overlapping pods";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        // keyed by (namespace, name): pods are identified by name, not by content
        Map<List<String>, List<Resource>> telemetriesByPod = new LinkedHashMap<>();
        for (Resource telemetry : snapshot.list("telemetry.istio.io", "Telemetry")) {
            Map<String, String> selector = WorkloadSelectors.labels(telemetry.spec().path("selector").path("matchLabels"));
            if (selector.isEmpty()) {
                continue; // selector-less Telemetries are the DefaultSelectorAnalyzer's business
            }
            List<Resource> pods = WorkloadSelectors.podsIn(snapshot, telemetry.namespace(), selector);
            if (pods.isEmpty()) {
                reporter.report("ReferencedResourceNotFound", telemetry, "selector", WorkloadSelectors.describe(selector));
            }
            pods.forEach(p -> telemetriesByPod.computeIfAbsent(List.of(p.namespace(), p.name()), k -> new ArrayList<>()).add(telemetry));
        }
        telemetriesByPod.forEach((pod, telemetries) -> {
            if (telemetries.size() > 1) {
                List<String> names = telemetries.stream().map(Resource::name).toList();
                telemetries.forEach(t -> reporter.report("ConflictingTelemetryWorkloadSelectors", t,
                        names, pod.get(0), pod.get(1)));
            }
        });
    }
}
