package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * istioctl's auth.AuthorizationPoliciesAnalyzer: a policy must apply to at least one in-mesh pod
 * (sidecar or ambient), and every namespace pattern in its sources must match a known Namespace.
 */
final class AuthorizationPoliciesAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "auth.AuthorizationPoliciesAnalyzer";
    }

    @Override
    public String description() {
        return "Checks the validity of authorization policies";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Map<String, List<Map<String, String>>> meshPodLabels = meshPodLabelsByNamespace(snapshot);
        for (Resource policy : snapshot.list("security.istio.io", "AuthorizationPolicy")) {
            checkWorkloads(policy, snapshot, meshPodLabels, reporter);
            checkNamespaces(policy, snapshot, reporter);
        }
    }

    private static void checkWorkloads(Resource policy, ResourceSnapshot snapshot,
                                       Map<String, List<Map<String, String>>> meshPodLabels, Reporter reporter) {
        JsonNode selectorNode = policy.spec().get("selector");
        boolean hasSelector = selectorNode != null && !selectorNode.isNull();
        Map<String, String> selector = hasSelector ? WorkloadSelectors.labels(selectorNode.path("matchLabels")) : Map.of();
        String namespace = policy.namespace();

        if (namespace.equals(snapshot.rootNamespace())) {
            // Mesh-wide: without a selector it applies everywhere; with one, any namespace may hold the workload.
            if (hasSelector && meshPodLabels.values().stream().noneMatch(pods -> anyMatch(selector, pods))) {
                reporter.report("NoMatchingWorkloadsFound", policy, WorkloadSelectors.describe(selector));
            }
            return;
        }
        List<Map<String, String>> local = meshPodLabels.getOrDefault(namespace, List.of());
        if (!hasSelector) {
            if (local.isEmpty()) {
                reporter.report("NoMatchingWorkloadsFound", policy, "");
            }
            return;
        }
        if (!anyMatch(selector, local)) {
            reporter.report("NoMatchingWorkloadsFound", policy, WorkloadSelectors.describe(selector));
        }
    }

    private static boolean anyMatch(Map<String, String> selector, List<Map<String, String>> pods) {
        return pods.stream().anyMatch(labels -> WorkloadSelectors.matches(selector, labels));
    }

    /** Each namespaces/notNamespaces entry of every rule's sources must match some Namespace object. */
    private static void checkNamespaces(Resource policy, ResourceSnapshot snapshot, Reporter reporter) {
        List<String> known = snapshot.list("", "Namespace").stream().map(Resource::name).toList();
        for (JsonNode rule : policy.spec().path("rules")) {
            for (JsonNode from : rule.path("from")) {
                List<String> patterns = new ArrayList<>();
                from.path("source").path("namespaces").forEach(n -> patterns.add(n.asText()));
                from.path("source").path("notNamespaces").forEach(n -> patterns.add(n.asText()));
                for (String pattern : patterns) {
                    if (known.stream().noneMatch(ns -> namespaceMatches(ns, pattern))) {
                        reporter.report("ReferencedResourceNotFound", policy, "namespace", pattern);
                    }
                }
            }
        }
    }

    /** istioctl's matching: "*" is anything, a leading or trailing "*" is a suffix or prefix match, else equal ignoring case. */
    static boolean namespaceMatches(String namespace, String pattern) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.startsWith("*")) {
            return namespace.endsWith(pattern.substring(1));
        }
        if (pattern.endsWith("*")) {
            return namespace.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return namespace.equalsIgnoreCase(pattern);
    }

    /** Labels of pods in the mesh, per namespace; a pod in both modes is simply counted twice, as istioctl does. */
    private static Map<String, List<Map<String, String>>> meshPodLabelsByNamespace(ResourceSnapshot snapshot) {
        Map<String, List<Map<String, String>>> byNamespace = new LinkedHashMap<>();
        for (Resource pod : snapshot.list("", "Pod")) {
            List<Map<String, String>> list = byNamespace.computeIfAbsent(pod.namespace(), k -> new ArrayList<>());
            if (MeshMembership.sidecarPod(pod, snapshot)) {
                list.add(pod.labels());
            }
            if (MeshMembership.ambientPod(pod)) {
                list.add(pod.labels());
            }
        }
        return byNamespace;
    }
}
