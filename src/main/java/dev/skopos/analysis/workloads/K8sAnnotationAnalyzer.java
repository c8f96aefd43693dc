package dev.skopos.analysis.workloads;

import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * istioctl's annotations.K8sAnalyzer: Istio annotations on namespaces, services, pods and deployments
 * that Istio does not know (IST0108), are deprecated (IST0135), sit on the wrong kind (IST0107) or
 * carry a value the injector would reject (IST0125).
 */
final class K8sAnnotationAnalyzer implements Analyzer {

    /** Kinds the analyzer reads, with the name annotation definitions use for each. */
    static final List<String> KINDS = List.of("Namespace", "Service", "Pod", "Deployment");

    @Override
    public String name() {
        return "annotations.K8sAnalyzer";
    }

    @Override
    public String description() {
        return "Checks for misplaced and invalid Istio annotations in Kubernetes resources";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (String kind : KINDS) {
            String group = kind.equals("Deployment") ? "apps" : "";
            for (Resource r : snapshot.list(group, kind)) {
                check(r, kind, reporter);
            }
        }
    }

    private static void check(Resource r, String kind, Reporter reporter) {
        for (Map.Entry<String, String> a : r.annotations().entrySet()) {
            String name = a.getKey();
            if (!IstioAnnotations.isIstio(name) || IstioAnnotations.ALWAYS_IGNORED.contains(name)) {
                continue;
            }
            Optional<IstioAnnotations.Definition> found = IstioAnnotations.lookup(name);
            if (found.isEmpty()) {
                reporter.report("UnknownAnnotation", r, name);
                continue;
            }
            IstioAnnotations.Definition def = found.get();
            // Someone who also set the replacement label knows the annotation is deprecated; stay quiet.
            boolean hasReplacement = name.equals(Kube.SIDECAR_INJECT) && r.labels().containsKey(Kube.SIDECAR_INJECT);
            if (def.deprecated() && !hasReplacement) {
                String extra = name.equals(Kube.SIDECAR_INJECT) ? " in favor of the \"sidecar.istio.io/inject\" label" : "";
                reporter.report("DeprecatedAnnotation", r, name, extra);
            }
            if (def.anywhere()) {
                continue;
            }
            if (!def.resources().contains(kind)) {
                reporter.report("MisplacedAnnotation", r, name, String.join(", ", def.resources()));
                continue;
            }
            AnnotationValues.problem(name, a.getValue())
                    .ifPresent(problem -> reporter.report("InvalidAnnotation", r, name, problem));
        }
    }
}
