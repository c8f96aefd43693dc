package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.Optional;

/** istiod's own settings that change how config is translated, read from its container env in the snapshot. */
final class IstiodSettings {

    private IstiodSettings() {
    }

    /**
     * Whether istiod sniffs the protocol of undeclared outbound ports (PILOT_ENABLE_PROTOCOL_SNIFFING_FOR_OUTBOUND,
     * default true). Unknown when istiod is not in the snapshot: then Istio's default.
     */
    static boolean outboundSniffing(ResourceSnapshot snapshot) {
        return env(snapshot, "PILOT_ENABLE_PROTOCOL_SNIFFING_FOR_OUTBOUND").map(v -> !v.equalsIgnoreCase("false"))
                .orElse(true);
    }

    /** An env value of istiod's {@code discovery} container, from a pod or a Deployment template. */
    static Optional<String> env(ResourceSnapshot snapshot, String name) {
        for (Resource pod : snapshot.list("", "Pod")) {
            Optional<String> v = env(pod.spec(), name);
            if (v.isPresent()) {
                return v;
            }
        }
        for (Resource d : snapshot.list("apps", "Deployment")) {
            Optional<String> v = env(d.spec().path("template").path("spec"), name);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> env(JsonNode podSpec, String name) {
        for (JsonNode c : podSpec.path("containers")) {
            if (!c.path("name").asText().equals("discovery")) {
                continue;
            }
            for (JsonNode e : c.path("env")) {
                if (e.path("name").asText().equals(name) && e.has("value")) {
                    return Optional.of(e.path("value").asText());
                }
            }
        }
        return Optional.empty();
    }

}
