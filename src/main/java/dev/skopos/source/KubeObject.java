package dev.skopos.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One cluster object, kind-agnostic: the fields every view needs up front, plus the full object
 * as JSON (the shape `kubectl get -o json` prints) for everything else. Sources hand these out
 * as immutable values; {@code raw} must not be mutated by readers. {@code cluster} is the kube
 * context the object came from when several clusters are watched, empty when there is only one.
 */
public record KubeObject(
        String cluster,
        ResourceKind kind,
        String namespace,
        String name,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant created,
        JsonNode raw) {

    public KubeObject {
        cluster = cluster == null ? "" : cluster;
        namespace = namespace == null ? "" : namespace;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** An object of the only cluster. */
    public KubeObject(ResourceKind kind, String namespace, String name, Map<String, String> labels,
                      Map<String, String> annotations, Instant created, JsonNode raw) {
        this("", kind, namespace, name, labels, annotations, created, raw);
    }

    /** The same object stamped with the cluster it came from. */
    public KubeObject inCluster(String cluster) {
        return new KubeObject(cluster, kind, namespace, name, labels, annotations, created, raw);
    }

    /** The pod this object names (meaningful for pods): cluster, namespace and name. */
    public PodRef podRef() {
        return new PodRef(cluster, namespace, name);
    }

    /** {@code name.namespace}, the way istioctl names pods and proxies. */
    public String qualifiedName() {
        return namespace.isEmpty() ? name : name + "." + namespace;
    }
}
