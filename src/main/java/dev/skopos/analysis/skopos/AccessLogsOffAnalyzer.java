package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.List;

/**
 * No Envoy access logs anywhere: meshConfig.accessLogFile empty, no default access-log provider
 * (meshConfig.defaultProviders.accessLogging) and no Telemetry resource with an accessLogging entry that
 * is not disabled. A mesh-wide finding: reported on the root namespace's Telemetry if there is one, else
 * on the istio ConfigMap, else on nothing.
 */
public final class AccessLogsOffAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "skopos.AccessLogsOff";
    }

    @Override
    public String description() {
        return "Reports when no proxy writes access logs (mesh config and Telemetry both leave them off)";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        JsonNode mesh = MeshConfigs.of(snapshot);
        if (!mesh.path("accessLogFile").asText("").isEmpty() || !mesh.path("defaultProviders").path("accessLogging").isEmpty()) {
            return;
        }
        List<Resource> telemetries = snapshot.list("telemetry.istio.io", "Telemetry");
        for (Resource t : telemetries) {
            for (JsonNode entry : t.spec().path("accessLogging")) {
                if (!entry.path("disabled").asBoolean(false)) {
                    return;
                }
            }
        }
        Resource subject = telemetries.stream().filter(t -> t.namespace().equals(snapshot.rootNamespace()))
                .findFirst().orElseGet(() -> MeshConfigs.configMap(snapshot).orElse(null));
        reporter.report("AccessLogsOff", subject);
    }
}
