package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Kubernetes facts the workload analyzers share, read straight from object JSON: pod specs of pods and
 * deployments, label selectors, whether a workload is in the mesh, and Istio's port-name protocol rules.
 */
final class Kube {

    static final String ISTIO_PROXY = "istio-proxy";
    static final String INJECTION_LABEL = "istio-injection";
    static final String REVISION_LABEL = "istio.io/rev";
    static final String SIDECAR_INJECT = "sidecar.istio.io/inject";
    static final String INJECTOR_CONFIGMAP = "istio-sidecar-injector";

    /** Namespaces the injector never touches (istio's inject.IgnoredNamespaces). */
    static final Set<String> SYSTEM_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease",
            "local-path-storage");

    /** Ports Istio treats as TCP even when the name says nothing (SMTP, DNS, MySQL, MongoDB). */
    private static final Set<Integer> WELL_KNOWN_PORTS = Set.of(25, 53, 3306, 27017);

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "grpc", "grpc-web", "http", "http_proxy",
            "http2", "https", "tls", "mongo", "redis", "mysql");

    private Kube() {
    }

    /** The pod spec: a Pod's spec, or a Deployment's template spec. */
    static JsonNode podSpec(Resource r) {
        return r.kind().equals("Pod") ? r.spec() : r.spec().path("template").path("spec");
    }

    /** The pod's own metadata: a Pod's, or a Deployment's template's. */
    static JsonNode podMetadata(Resource r) {
        return r.kind().equals("Pod") ? r.metadata() : r.spec().path("template").path("metadata");
    }

    static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** Containers then init containers (native sidecars run istio-proxy as an init container). */
    static List<JsonNode> allContainers(JsonNode podSpec) {
        List<JsonNode> out = list(podSpec.path("containers"));
        out.addAll(list(podSpec.path("initContainers")));
        return out;
    }

    static boolean isSystemNamespace(String namespace) {
        return SYSTEM_NAMESPACES.contains(namespace);
    }

    /** Istio's own objects carry an {@code istio} label or {@code release: istio}; analyzers leave them be. */
    static boolean isControlPlane(Resource r) {
        Map<String, String> labels = r.labels();
        return labels.containsKey("istio") || "istio".equals(labels.get("release"));
    }

    static Resource namespace(ResourceSnapshot s, String name) {
        return s.find("", "Namespace", "", name).orElse(null);
    }

    /**
     * Whether a deployment's pods get a sidecar: a proxy container with an image, else the inject label,
     * else the inject annotation, else the namespace's istio-injection label (istio's util.inMesh).
     */
    static boolean inMesh(Resource r, ResourceSnapshot s) {
        JsonNode meta = podMetadata(r);
        List<JsonNode> containers = r.kind().equals("Pod") ? allContainers(podSpec(r)) : list(podSpec(r).path("containers"));
        for (JsonNode c : containers) {
            if (ISTIO_PROXY.equals(c.path("name").asText())) {
                if (!c.path("image").asText("").isEmpty()) {
                    return true;
                }
                break;
            }
        }
        for (String field : List.of("labels", "annotations")) {
            JsonNode v = meta.path(field).get(SIDECAR_INJECT);
            if (v != null) {
                return "true".equals(v.asText());
            }
        }
        Resource ns = namespace(s, r.namespace());
        return ns != null && "enabled".equals(ns.labels().get(INJECTION_LABEL));
    }

    /** A map selector (a Service's): non-empty and every pair present. */
    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    /** A metav1.LabelSelector; a missing one matches everything, as webhooks define it. */
    static boolean labelSelectorMatches(JsonNode selector, Map<String, String> labels) {
        if (selector == null || selector.isMissingNode() || selector.isNull()) {
            return true;
        }
        for (Map.Entry<String, String> e : strings(selector.path("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asText();
            List<String> values = list(expr.path("values")).stream().map(JsonNode::asText).toList();
            boolean has = labels.containsKey(key);
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> has && values.contains(labels.get(key));
                case "NotIn" -> !has || !values.contains(labels.get(key));
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> false; // an invalid selector matches nothing
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Istio's protocol for a Service port ("" when unsupported): UDP by protocol, else from appProtocol
     * or the name's prefix before '-', with well-known ports defaulting to TCP.
     */
    static String protocol(JsonNode port) {
        if ("UDP".equals(port.path("protocol").asText())) {
            return "udp";
        }
        String name = port.hasNonNull("appProtocol") ? port.path("appProtocol").asText() : port.path("name").asText("");
        if (name.toLowerCase(Locale.ROOT).startsWith("grpc-web")) {
            return "grpc-web";
        }
        int dash = name.indexOf('-');
        String prefix = (dash >= 0 ? name.substring(0, dash) : name).toLowerCase(Locale.ROOT);
        if (PROTOCOLS.contains(prefix)) {
            return prefix;
        }
        return WELL_KNOWN_PORTS.contains(port.path("port").asInt()) ? "tcp" : "";
    }

    /** IntOrString.String(): the number or the name; "0" when absent. */
    static String intOrString(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "0";
        }
        return node.asText();
    }
}
