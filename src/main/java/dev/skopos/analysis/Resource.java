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
 * @param namespace         as written in the object; "" when absent (until the analysis namespace
 *                          is filled in, see {@link #inNamespace}) and always for cluster-scoped kinds
 * @param name              metadata.name
 * @param body              the whole object
 * @param origin            where it came from: {@code path/file.yaml:12}, or "" for cluster objects
 */
public record Resource(String group, String version, String kind, String namespace,
                       String name, JsonNode body, String origin) {

    /** Kinds that live outside namespaces: they never take the analysis namespace. */
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
        String namespace = CLUSTER_SCOPED.contains(kind) ? "" : body.path("metadata").path("namespace").asText("");
        return new Resource(group, version, kind, namespace, name, body, origin == null ? "" : origin);
    }

    /**
     * This object in {@code namespace} when it names none, as istioctl's file source does
     * ({@code KubeSource.SetDefaultNamespace}: what {@code kubectl apply} would do); unchanged when it
     * names one, is cluster-scoped, or {@code namespace} is "" (under {@code -A} nothing is filled in).
     */
    public Resource inNamespace(String namespace) {
        if (!this.namespace.isEmpty() || namespace.isEmpty() || CLUSTER_SCOPED.contains(kind)) {
            return this;
        }
        return new Resource(group, version, kind, namespace, name, body, origin);
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

    /**
     * How istioctl names it in messages (the kube Origin's FriendlyName, since Istio 1.12):
     * {@code Kind namespace/name}, or {@code Kind name} for an object without a namespace.
     */
    public String display() {
        return kind + " " + fullName();
    }

    /**
     * The kube Origin's Comparator, which orders messages about different objects:
     * {@code Kind/name/namespace}.
     */
    public String comparator() {
        return kind + "/" + name + "/" + namespace;
    }

    /** The kube Origin's Namespace(): a Namespace object counts as being in itself. */
    public String originNamespace() {
        return kind.equals("Namespace") && group.isEmpty() ? name : namespace;
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
