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
 * istioctl's telemetry.DefaultSelectorAnalyzer: within a namespace only one Telemetry may go
 * without a selector, or which one applies to the namespace is undefined. Needs no pods.
 */
final class TelemetryDefaultSelectorAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "telemetry.DefaultSelectorAnalyzer";
    }

    @Override
    public String description() {
        return "Validates that there aren't multiple telemetry resources that have no selector";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Map<String, List<Resource>> selectorless = new LinkedHashMap<>();
        for (Resource telemetry : snapshot.list("telemetry.istio.io", "Telemetry")) {
            if (!telemetry.spec().hasNonNull("selector")) {
                selectorless.computeIfAbsent(telemetry.namespace(), k -> new ArrayList<>()).add(telemetry);
            }
        }
        selectorless.forEach((namespace, telemetries) -> {
            if (telemetries.size() > 1) {
                List<String> names = telemetries.stream().map(Resource::name).toList();
                telemetries.forEach(t -> reporter.report("MultipleTelemetriesWithoutWorkloadSelectors", t, names, namespace));
            }
        });
    }
}
