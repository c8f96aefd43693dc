package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;

/**
 * istioctl's telemetry.ProviderAnalyzer: when the mesh has no default access-logging provider, an
 * enabled accessLogging entry that names no provider configures nothing and is ignored.
 */
final class TelemetryProviderAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "telemetry.ProviderAnalyzer";
    }

    @Override
    public String description() {
        return "Validates that providers in telemetry resource is valid";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        if (!snapshot.meshConfig().path("defaultProviders").path("accessLogging").isEmpty()) {
            return;
        }
        for (Resource telemetry : snapshot.list("telemetry.istio.io", "Telemetry")) {
            for (JsonNode logging : telemetry.spec().path("accessLogging")) {
                if (logging.path("disabled").asBoolean(false)) {
                    continue;
                }
                if (logging.path("providers").isEmpty()) {
                    reporter.report("InvalidTelemetryProvider", telemetry, telemetry.name(), telemetry.namespace());
                }
            }
        }
    }
}
