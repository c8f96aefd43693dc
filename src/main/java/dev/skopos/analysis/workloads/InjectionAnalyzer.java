package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * istioctl's injection.Analyzer: namespaces not enabled for injection (IST0102), enabled by default
 * (IST0130), or labelled for more than one data plane (IST0123); pods in injected namespaces that lack
 * the proxy (IST0103).
 */
final class InjectionAnalyzer implements Analyzer {

    private static final String DATAPLANE_MODE = "istio.io/dataplane-mode";

    @Override
    public String name() {
        return "injection.Analyzer";
    }

    @Override
    public String description() {
        return "Checks conditions related to Istio sidecar injection";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Set<String> injected = new HashSet<>();
        // Carried from one namespace to the next, as in istioctl: a namespace whose revision has no
        // injector ConfigMap sees the last value read.
        boolean enabledByDefault = false;
        for (Resource ns : snapshot.list("", "Namespace")) {
            if (ns.name().equals("istio-system")) {
                continue;
            }
            Map<String, String> labels = ns.labels();
            String injection = labels.get(Kube.INJECTION_LABEL);
            String revision = labels.get(Kube.REVISION_LABEL);

            List<String> istioLabels = new ArrayList<>();
            if (injection != null) {
                istioLabels.add(Kube.INJECTION_LABEL + "=" + injection);
            }
            for (String l : List.of(Kube.REVISION_LABEL, DATAPLANE_MODE)) {
                if (labels.containsKey(l) && (injection == null || injection.equals("enabled"))) {
                    istioLabels.add(l + "=" + labels.get(l));
                }
            }
            if (istioLabels.size() > 1) {
                reporter.report("NamespaceMultipleInjectionLabels", ns, istioLabels);
            }
            if ("ambient".equals(labels.get(DATAPLANE_MODE))) {
                continue;
            }
            String cmName = InjectorConfig.configMapName(revision);
            for (Resource cm : snapshot.list("", "ConfigMap")) {
                if (cm.name().equals(cmName)) {
                    enabledByDefault = InjectorConfig.enableNamespacesByDefault(cm);
                    break;
                }
            }
            if ((injection == null || injection.isEmpty()) && revision == null) {
                if (enabledByDefault) {
                    reporter.report("NamespaceInjectionEnabledByDefault", ns);
                } else {
                    reporter.report("NamespaceNotInjected", ns, ns.name(), ns.name());
                }
                continue;
            }
            // Any other value of the legacy label deliberately opts out.
            if ("enabled".equals(injection)) {
                injected.add(ns.name());
            }
        }
        for (Resource pod : snapshot.list("", "Pod")) {
            if (injected.contains(pod.namespace()) && wantsProxy(pod) && !hasProxy(pod.spec())) {
                reporter.report("PodMissingProxy", pod, pod.fullName());
            }
        }
    }

    /** Not opted out (label beats annotation) and not on the host network, which is never injected. */
    private static boolean wantsProxy(Resource pod) {
        String inject = pod.annotations().getOrDefault(Kube.SIDECAR_INJECT, "");
        inject = pod.labels().getOrDefault(Kube.SIDECAR_INJECT, inject);
        return !inject.equalsIgnoreCase("false") && !pod.spec().path("hostNetwork").asBoolean(false);
    }

    private static boolean hasProxy(JsonNode podSpec) {
        for (JsonNode c : Kube.allContainers(podSpec)) {
            if (Kube.ISTIO_PROXY.equals(c.path("name").asText())) {
                return !c.path("image").asText("").isEmpty();
            }
        }
        return false;
    }
}
