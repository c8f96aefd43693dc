package dev.skopos.mesh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.skopos.analysis.ManifestLoader;
import dev.skopos.analysis.Resource;
import dev.skopos.source.ClusterObjects;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code analyze} looks at, assembled the way istioctl's IstiodAnalyzer does: every object the
 * cluster serves (less the namespaces and secrets istioctl never watches), the mesh config from the
 * {@code istio} ConfigMap, manifest files laid over the cluster's objects, and, for files-only
 * runs, the stand-in ingress gateway istioctl adds so gateway checks do not misfire.
 */
public final class AnalysisInputs {

    /** istioctl's default {@code --istioNamespace}, where the {@code istio} ConfigMap lives. */
    public static final String ISTIO_NAMESPACE = "istio-system";

    /** inject.IgnoredNamespaces: istioctl neither watches nor reads objects in these. */
    static final Set<String> IGNORED_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease",
            "local-path-storage");

    /** Secret types istioctl's informer filters out by field selector (big, and irrelevant to analysis). */
    private static final Set<String> UNWATCHED_SECRET_TYPES = Set.of("helm.sh/release.v1",
            "kubernetes.io/service-account-token");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The cluster's side of an analysis: objects, and the mesh config and networks found among them (or missing). */
    public record ClusterView(List<Resource> resources, JsonNode meshConfig, JsonNode meshNetworks) {}

    private AnalysisInputs() {
    }

    /** Every kind the source serves, in all namespaces: istioctl analyzes everything and filters messages afterwards. */
    public static ClusterView fromCluster(ClusterObjects objects) {
        return fromCluster(objects, null, Scope.ALL);
    }

    /**
     * As {@link #fromCluster(ClusterObjects)}, but a kind the identity may not list is left out and
     * named in {@code problems} (one line per reason: "forbidden: needs list on configmaps, secrets") instead
     * of failing the whole analysis (null: fail as before). A kind it may list only in some
     * namespaces is read in {@code scoped}, the namespace the user works in, when there is one.
     */
    public static ClusterView fromCluster(ClusterObjects objects, List<String> problems, Scope scoped) {
        return view(listAll(objects, problems, scoped));
    }

    /**
     * As {@link #fromCluster(ClusterObjects, List, Scope)}, one view per cluster the objects came
     * from (in cluster order; a single cluster is one view): several clusters of a multi-primary mesh
     * usually hold the same configuration, which analysed as one would read as conflicts.
     */
    public static Map<String, ClusterView> byCluster(ClusterObjects objects, List<String> problems, Scope scoped) {
        Map<String, List<KubeObject>> grouped = new java.util.TreeMap<>();
        grouped.put("", new ArrayList<>()); // nothing listed still analyses once, as one cluster
        for (KubeObject o : listAll(objects, problems, scoped)) {
            grouped.computeIfAbsent(o.cluster(), c -> new ArrayList<>()).add(o);
        }
        Map<String, ClusterView> out = new LinkedHashMap<>();
        grouped.forEach((cluster, group) -> {
            if (!group.isEmpty() || grouped.size() == 1) {
                out.put(cluster, view(group));
            }
        });
        return out;
    }

    private static List<KubeObject> listAll(ClusterObjects objects, List<String> problems, Scope scoped) {
        List<KubeObject> all = new ArrayList<>();
        UnreadKinds unread = new UnreadKinds();
        for (ResourceKind kind : objects.servedKinds()) {
            try {
                all.addAll(ReadableScope.list(objects, kind, scoped));
            } catch (SourceException e) {
                if (problems == null) {
                    throw e;
                }
                unread.add(kind, SourceException.describe(e));
            }
        }
        if (problems != null) {
            problems.addAll(unread.lines());
        }
        return all;
    }

    private static ClusterView view(List<KubeObject> all) {
        List<Resource> resources = resources(all);
        JsonNode mesh = null;
        JsonNode networks = null;
        for (KubeObject o : all) {
            if (o.kind().sameKind(ResourceKind.CONFIG_MAP) && o.namespace().equals(ISTIO_NAMESPACE)
                    && o.name().equals("istio")) {
                JsonNode data = o.raw().path("data");
                mesh = data.hasNonNull("mesh") ? yaml(data.get("mesh").asText(), "istio ConfigMap key mesh") : null;
                networks = data.hasNonNull("meshNetworks")
                        ? yaml(data.get("meshNetworks").asText(), "istio ConfigMap key meshNetworks") : null;
            }
        }
        return new ClusterView(resources, mesh, networks);
    }

    /** Cluster objects as resources without a file origin, filtered as istioctl's informers filter them. */
    public static List<Resource> resources(List<KubeObject> objects) {
        List<Resource> out = new ArrayList<>();
        for (KubeObject o : objects) {
            if (!watched(o)) {
                continue;
            }
            JsonNode body = o.raw();
            if (body.isObject() && (!body.has("kind") || !body.has("apiVersion"))) {
                // A live list answer drops kind and apiVersion from its items; put them back from the kind.
                ObjectNode copy = ((ObjectNode) body).deepCopy();
                copy.put("apiVersion", o.kind().apiVersion());
                copy.put("kind", o.kind().kind());
                body = copy;
            }
            Resource r = Resource.of(body, "");
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private static boolean watched(KubeObject o) {
        String namespace = o.kind().sameKind(ResourceKind.NAMESPACE) ? o.name() : o.namespace();
        if (IGNORED_NAMESPACES.contains(namespace)) {
            return false;
        }
        if (o.kind().sameKind(ResourceKind.CONFIG_MAP)) {
            // istioctl only watches the istio* ConfigMaps of the Istio namespace.
            return o.namespace().equals(ISTIO_NAMESPACE) && o.name().startsWith("istio");
        }
        if (o.kind().sameKind(ResourceKind.SECRET)) {
            return !UNWATCHED_SECRET_TYPES.contains(o.raw().path("type").asText(""));
        }
        return true;
    }

    /**
     * Manifest resources with istioctl's file rules applied: an object without a namespace lands in
     * {@code defaultNamespace} (istioctl's selected namespace), and objects in ignored namespaces are dropped.
     */
    public static List<Resource> fromFiles(List<Resource> files, String defaultNamespace) {
        List<Resource> out = new ArrayList<>();
        for (Resource r : files) {
            Resource placed = r.inNamespace(defaultNamespace);
            if (!IGNORED_NAMESPACES.contains(placed.originNamespace())) {
                out.add(placed);
            }
        }
        return out;
    }

    /**
     * {@code base} with every object that {@code overrides} also holds (same group, kind, namespace
     * and name) replaced by the override, as istioctl's aggregate store prefers the file source.
     * Overrides that are new come after the base objects, in their own order.
     */
    public static List<Resource> overlay(List<Resource> base, List<Resource> overrides) {
        Map<String, Resource> byKey = new LinkedHashMap<>();
        base.forEach(r -> byKey.put(key(r), r));
        overrides.forEach(r -> byKey.put(key(r), r));
        return List.copyOf(byKey.values());
    }

    private static String key(Resource r) {
        return r.group() + "/" + r.kind() + "/" + r.namespace() + "/" + r.name();
    }

    /**
     * istioctl's AddDefaultResources for files-only runs: a dummy ingress gateway pod and its Service
     * in the Istio namespace, named after meshConfig.ingressService; none when ingressControllerMode is OFF.
     */
    public static List<Resource> defaultResources(JsonNode meshConfig) {
        JsonNode mesh = meshConfig == null ? YAML.missingNode() : meshConfig;
        if (mesh.path("ingressControllerMode").asText("").equalsIgnoreCase("OFF")) {
            return List.of();
        }
        String service = mesh.path("ingressService").asText("");
        try (InputStream in = AnalysisInputs.class.getResourceAsStream("default-ingress.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("INGRESS_SERVICE", service.isEmpty() ? "istio-ingressgateway" : service)
                    .replace("ISTIO_NAMESPACE", ISTIO_NAMESPACE);
            // istioctl reads the template as a source named "internal-ingress"; findings on it say so.
            return ManifestLoader.parse(text, "internal-ingress");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mesh config or mesh networks document; {@code what} names it in the error. */
    public static JsonNode yaml(String text, String what) {
        try {
            JsonNode node = YAML.readTree(text);
            if (node == null || node.isMissingNode() || node.isNull()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                throw new IllegalArgumentException(what + ": not a YAML mapping");
            }
            return node;
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(what + ": not valid YAML (" + message + ")");
        }
    }
}
