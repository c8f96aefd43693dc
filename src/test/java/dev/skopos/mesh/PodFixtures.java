package dev.skopos.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Pod fixtures as a source would hand them out: the first-class fields filled from the JSON. */
final class PodFixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PodFixtures() {
    }

    static JsonNode json(String file) {
        try (InputStream in = PodFixtures.class.getResourceAsStream("/mesh/pods/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + file);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KubeObject pod(String file) {
        return pod(json(file));
    }

    static KubeObject pod(JsonNode raw) {
        JsonNode meta = raw.path("metadata");
        String created = meta.path("creationTimestamp").asText("");
        return new KubeObject(ResourceKind.POD, meta.path("namespace").asText(""), meta.path("name").asText(""),
                strings(meta.path("labels")), strings(meta.path("annotations")),
                created.isEmpty() ? null : Instant.parse(created), raw);
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> out = new HashMap<>();
        map.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
