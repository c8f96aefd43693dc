package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.HashSet;
import java.util.Set;

/**
 * istioctl's telemetry.LightstepAnalyzer: tracing through a mesh extension provider of the
 * Lightstep type is deprecated in favour of OpenTelemetry.
 */
final class TelemetryLightstepAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "telemetry.LightstepAnalyzer";
    }

    @Override
    public String description() {
        return "Validates that lightstep provider is still used";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Set<String> lightstep = new HashSet<>();
        for (JsonNode provider : snapshot.meshConfig().path("extensionProviders")) {
            if (provider.hasNonNull("lightstep")) {
                lightstep.add(provider.path("name").asText(""));
            }
        }
        if (lightstep.isEmpty()) {
            return;
        }
        for (Resource telemetry : snapshot.list("telemetry.istio.io", "Telemetry")) {
            for (JsonNode tracing : telemetry.spec().path("tracing")) {
                for (JsonNode provider : tracing.path("providers")) {
                    String name = provider.path("name").asText("");
                    if (lightstep.contains(name)) {
                        reporter.report("Deprecated", telemetry,
                                "The Lightstep provider " + name + " is deprecated, please migrate to OpenTelemetry provider.");
                    }
                }
            }
        }
    }
}
