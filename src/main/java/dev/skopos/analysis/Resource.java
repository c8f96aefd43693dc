package dev.skopos.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One object under analysis, from a manifest file or the cluster.
 *
 * @param group             API group ("" for core), from apiVersion
 * @param version           API version
 * @param kind              e.g. VirtualService
 * @param namespace         the effective namespace: as declared, else {@code default} for
 *                          namespaced kinds (what kubectl apply would do); "" for cluster-scoped kinds
 * @param declaredNamespace the namespace written in the object, "" when absent (istioctl's
 *                          resource names show what was written)
 * @param name              metadata.name
 * @param body              the whole object
 * @param origin            where it came from: {@code path/file.yaml:12}, or "" for cluster objects
 */
public record Resource(String group, String version, String kind, String namespace, String declaredNamespace,
                       String name, JsonNode body, String origin) {

    /** Kinds that live outside namespaces; everything else defaults to {@code default}. */
    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "CustomResourceDefinition",
            "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "ClusterRole", "ClusterRoleBinding",
            "GatewayClass", "PersistentVolume", "StorageClass", "IngressClass", "APIService", "PriorityClass");

    /** Builds a resource from an object; null when it has no kind or name (not an object we can name). */
    public static Resource of(JsonNode body, String origin) {
        if (body == null || !body.isObject()) {
            return null;
        }
        String apiVersion = body.path("apiVersion").asText("");
        String kind = body.path("kind").asText("");
        String name = body.path("metadata").path("name").asText("");
        if (kind.isEmpty() || name.isEmpty()) {
            return null;
        }
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        String declared = body.path("metadata").path("namespace").asText("");
        String namespace = CLUSTER_SCOPED.contains(kind) ? "" : declared.isEmpty() ? "default" : declared;
        return new Resource(group, version, kind, namespace, declared, name, body, origin == null ? "" : origin);
    }

    public JsonNode spec() {
        return body.path("spec");
    }

    public JsonNode metadata() {
        return body.path("metadata");
    }

    public Map<String, String> labels() {
        return strings(metadata().path("labels"));
    }

    public Map<String, String> annotations() {
        return strings(metadata().path("annotations"));
    }

    /** {@code namespace/name}, or the name for cluster-scoped objects. */
    public String fullName() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    /** How istioctl names it in messages: {@code Kind ns/name}, or {@code Kind name} when no namespace was written. */
    public String display() {
        return kind + " " + (declaredNamespace.isEmpty() ? name : declaredNamespace + "/" + name);
    }

    public boolean is(String group, String kind) {
        return this.group.equals(group) && this.kind.equals(kind);
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
