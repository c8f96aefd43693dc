package dev.skopos.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.skopos.analysis.Resource;
import java.io.IOException;
import java.util.List;

/**
 * The mesh config as istiod reads it: the {@code mesh} key of the {@code istio} ConfigMap in the
 * root namespace (YAML inside a string). Null when absent or unreadable (analyzers use defaults).
 */
final class MeshConfigs {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MeshConfigs() {
    }

    static JsonNode from(List<Resource> resources) {
        for (Resource r : resources) {
            if (r.is("", "ConfigMap") && r.name().equals("istio") && r.namespace().equals("istio-system")) {
                String mesh = r.body().path("data").path("mesh").asText("");
                if (mesh.isBlank()) {
                    return null;
                }
                try {
                    return YAML.readTree(mesh);
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
