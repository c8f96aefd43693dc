package dev.skopos.analysis.networking;

import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * istioctl's {@code sidecar.SelectorAnalyzer}: a Sidecar's workload selector must match a pod in its
 * namespace; no pod may be selected by two Sidecars; a namespace may have only one Sidecar without
 * a selector. Sidecars that only reach ambient workloads (pod redirected by ztunnel, or an ambient
 * namespace) are reported as having no effect instead.
 */
final class SidecarSelectorAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "sidecar.SelectorAnalyzer";
    }

    @Override
    public String description() {
        return "Validates that sidecars that define a workload selector match at least one pod, "
                + "and that there aren't multiple sidecar resources that select overlapping pods";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Map<Resource, List<Resource>> sidecarsByPod = new LinkedHashMap<>();
        Map<String, List<Resource>> unselectedByNamespace = new LinkedHashMap<>();
        for (Resource sc : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "Sidecar")) {
            Map<String, String> selector = Selectors.labels(sc.spec().path("workloadSelector").path("labels"));
            if (selector.isEmpty()) {
                unselectedByNamespace.computeIfAbsent(sc.namespace(), k -> new ArrayList<>()).add(sc);
                continue;
            }
            boolean found = false;
            for (Resource pod : snapshot.list("", "Pod")) {
                if (pod.namespace().equals(sc.namespace()) && Selectors.matches(selector, pod.labels())) {
                    found = true;
                    sidecarsByPod.computeIfAbsent(pod, k -> new ArrayList<>()).add(sc);
                }
            }
            if (!found) {
                reporter.report("ReferencedResourceNotFound", sc, "selector", Selectors.toString(selector));
            }
        }
        Set<String> ineffective = new HashSet<>();
        sidecarsByPod.forEach((pod, sidecars) -> {
            boolean ambient = Ambient.pod(pod);
            if (sidecars.size() == 1 && !ambient) {
                return;
            }
            List<String> names = sidecars.stream().map(Resource::name).toList();
            for (Resource sc : sidecars) {
                if (ambient) {
                    if (ineffective.add(sc.fullName())) {
                        reporter.report("IneffectivePolicy", sc, "selected workload is in ambient mode, the policy has no impact");
                    }
                    continue;
                }
                reporter.report("ConflictingSidecarWorkloadSelectors", sc, names, pod.namespace(), pod.name());
            }
        });
        unselectedByNamespace.forEach((ns, sidecars) -> {
            Optional<Resource> namespace = snapshot.find("", "Namespace", "", ns);
            if (namespace.isPresent() && Ambient.namespace(namespace.get())) {
                for (Resource sc : sidecars) {
                    if (ineffective.add(sc.fullName())) {
                        reporter.report("IneffectivePolicy", sc, "namespace is in ambient mode, the policy has no impact");
                    }
                }
                return;
            }
            SidecarDefaultSelectorAnalyzer.reportMultiple(ns, sidecars, reporter);
        });
    }

    /** Ambient-mode tests as istioctl's analyzers make them. */
    static final class Ambient {

        private Ambient() {
        }

        /** A pod ztunnel redirects ({@code ambient.istio.io/redirection: enabled}). */
        static boolean pod(Resource pod) {
            return "enabled".equals(pod.annotations().get("ambient.istio.io/redirection"));
        }

        /** A namespace labelled {@code istio.io/dataplane-mode: ambient} and not also set up for sidecar injection. */
        static boolean namespace(Resource ns) {
            Map<String, String> labels = ns.labels();
            if ("enabled".equals(labels.get("istio-injection")) || !labels.getOrDefault("istio.io/rev", "").isEmpty()) {
                return false;
            }
            return "ambient".equals(labels.get("istio.io/dataplane-mode"));
        }
    }
}
