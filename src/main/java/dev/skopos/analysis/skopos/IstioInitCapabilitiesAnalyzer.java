package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * istio-init without the capabilities istio-iptables needs. The container exists only when the CNI
 * plugin is not used (with istio-cni the injector adds istio-validation instead, and the
 * sidecar.istio.io/status annotation lists that), so its presence is the "no CNI" test. A privileged
 * container has every capability.
 */
public final class IstioInitCapabilitiesAnalyzer implements Analyzer {

    static final List<String> NEEDED = List.of("NET_ADMIN", "NET_RAW");

    @Override
    public String name() {
        return "skopos.IstioInitCapabilities";
    }

    @Override
    public String description() {
        return "Finds istio-init containers lacking NET_ADMIN or NET_RAW when the CNI plugin is not used";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Pods.Group g : Pods.groups(snapshot)) {
            for (JsonNode init : g.pod().spec().path("initContainers")) {
                if (!init.path("name").asText().equals("istio-init")) {
                    continue;
                }
                List<String> missing = missing(init.path("securityContext"));
                if (!missing.isEmpty()) {
                    reporter.report("IstioInitMissingCapabilities", g.subject(), g.pod().fullName(),
                            String.join(" and ", missing));
                }
            }
        }
    }

    static List<String> missing(JsonNode securityContext) {
        if (securityContext.path("privileged").asBoolean(false)) {
            return List.of();
        }
        List<String> added = new ArrayList<>();
        securityContext.path("capabilities").path("add").forEach(c -> added.add(c.asText().replace("CAP_", "")));
        return NEEDED.stream().filter(c -> !added.contains(c)).toList();
    }
}
