package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.Optional;

/**
 * The MeshConfig in force: the snapshot's (--meshConfigFile or what the source read), else the
 * {@code mesh} key of the {@code istio} ConfigMap in the root namespace when the snapshot holds it.
 */
final class MeshConfigs {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MeshConfigs() {
    }

    static JsonNode of(ResourceSnapshot snapshot) {
        if (!snapshot.meshConfig().isMissingNode() && !snapshot.meshConfig().isNull()) {
            return snapshot.meshConfig();
        }
        return configMap(snapshot).map(cm -> parse(cm.body().path("data").path("mesh").asText("")))
                .orElse(MissingNode.getInstance());
    }

    /** The istio ConfigMap (revision-less name) of the root namespace. */
    static Optional<Resource> configMap(ResourceSnapshot snapshot) {
        return snapshot.find("", "ConfigMap", snapshot.rootNamespace(), "istio");
    }

    /** Parses YAML or JSON text (mesh config, proxy.istio.io/config); missing node when empty or broken. */
    static JsonNode parse(String text) {
        if (text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = YAML.readTree(text);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
