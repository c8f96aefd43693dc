package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.Set;

/**
 * istioctl's annotations.AlphaAnalyzer (package maturity): IST0136 for each alpha-phase Istio annotation.
 * istioctl leaves it out of its default set because of noise; it runs only when named.
 */
final class AlphaAnnotationAnalyzer implements Analyzer {

    /** istio-cni writes these on every pod it redirects; only worth reporting on pods with istio-init. */
    private static final Set<String> SET_BY_CNI = Set.of("sidecar.istio.io/interceptionMode",
            "traffic.sidecar.istio.io/includeInboundPorts", "traffic.sidecar.istio.io/excludeInboundPorts",
            "traffic.sidecar.istio.io/includeOutboundIPRanges");

    @Override
    public String name() {
        return "annotations.AlphaAnalyzer";
    }

    @Override
    public String description() {
        return "Checks for alpha Istio annotations in Kubernetes resources";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (String kind : K8sAnnotationAnalyzer.KINDS) {
            for (Resource r : snapshot.list(kind.equals("Deployment") ? "apps" : "", kind)) {
                check(r, reporter);
            }
        }
    }

    private static void check(Resource r, Reporter reporter) {
        boolean cni = r.kind().equals("Pod") && !hasIstioInit(r.spec());
        for (String name : r.annotations().keySet()) {
            if (!IstioAnnotations.isIstio(name) || IstioAnnotations.ALWAYS_IGNORED.contains(name)
                    || (cni && SET_BY_CNI.contains(name))) {
                continue;
            }
            IstioAnnotations.lookup(name).filter(IstioAnnotations.Definition::alpha)
                    .ifPresent(def -> reporter.report("AlphaAnnotation", r, name));
        }
    }

    /** Without the istio-init container, traffic redirection (and those annotations) came from istio-cni. */
    private static boolean hasIstioInit(JsonNode podSpec) {
        for (JsonNode c : podSpec.path("initContainers")) {
            if ("istio-init".equals(c.path("name").asText())) {
                return true;
            }
        }
        return false;
    }
}
