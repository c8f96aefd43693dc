package dev.skopos.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One cluster object, kind-agnostic: the fields every view needs up front, plus the full object
 * as JSON (the shape `kubectl get -o json` prints) for everything else. Sources hand these out
 * as immutable values; {@code raw} must not be mutated by readers.
 */
public record KubeObject(
        ResourceKind kind,
        String namespace,
        String name,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant created,
        JsonNode raw) {

    public KubeObject {
        namespace = namespace == null ? "" : namespace;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** {@code name.namespace}, the way istioctl names pods and proxies. */
    public String qualifiedName() {
        return namespace.isEmpty() ? name : name + "." + namespace;
    }
}
