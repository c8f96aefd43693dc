package dev.skopos.envoy.config;

import static dev.skopos.envoy.config.Proto.get;
import static dev.skopos.envoy.config.Proto.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bootstrap section to {@link BootstrapInfo}. */
final class BootstrapReader {

    private BootstrapReader() {
    }

    /** {@code section}: the BootstrapConfigDump object; kept whole as raw (it is small) unless asked not to. */
    static BootstrapInfo read(JsonNode section, boolean keepRaw) {
        JsonNode node = Proto.at(section, "bootstrap", "node");
        JsonNode md = get(node, "metadata");
        Map<String, String> metadata = new LinkedHashMap<>();
        md.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode()) {
                metadata.put(e.getKey(), e.getValue().asText());
            }
        });
        String sha = metadata.getOrDefault("ISTIO_PROXY_SHA", "");
        int colon = sha.indexOf(':');
        if (colon >= 0) {
            String[] parts = sha.split(":", -1);
            sha = parts[1];
        }
        JsonNode copy = section.deepCopy();
        if (copy.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("@type");
        }
        return new BootstrapInfo(text(node, "id"), text(node, "cluster"), metadata.getOrDefault("ISTIO_VERSION", ""),
                sha, envoyVersion(node), Map.copyOf(metadata), keepRaw ? copy : null);
    }

    /**
     * {@code 1.18.3/Clean/RELEASE/BoringSSL}: major.minor.patch, then {@code -label}, {@code /status},
     * {@code /type}, {@code /ssl} from the build metadata when present, exactly as istioctl builds it.
     */
    static String envoyVersion(JsonNode node) {
        JsonNode build = get(node, "user_agent_build_version");
        if (!build.isObject()) {
            String old = text(node, "build_version");
            return old.isEmpty() ? "0.0.0" : old;
        }
        JsonNode v = get(build, "version");
        StringBuilder b = new StringBuilder();
        b.append(Proto.int32(v, "major_number", 0)).append('.').append(Proto.int32(v, "minor_number", 0)).append('.')
                .append(Proto.int32(v, "patch", 0));
        JsonNode md = get(build, "metadata");
        if (md.has("build.label")) {
            b.append('-').append(md.get("build.label").asText());
        }
        for (String key : new String[] {"revision.status", "build.type", "ssl.version"}) {
            if (md.has(key)) {
                b.append('/').append(md.get(key).asText());
            }
        }
        return b.toString();
    }
}
