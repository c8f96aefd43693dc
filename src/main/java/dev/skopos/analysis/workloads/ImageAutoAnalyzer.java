package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * istioctl's injection.ImageAutoAnalyzer: {@code image: auto} on an istio-proxy container only works when
 * the injector rewrites it. A pod that still has it was not injected (IST0147, error); a deployment whose
 * pods no Istio webhook would select will not be (IST0146, warning).
 */
final class ImageAutoAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "injection.ImageAutoAnalyzer";
    }

    @Override
    public String description() {
        return "Makes sure that Pods and Deployments with `image: auto` are going to be injected";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        List<JsonNode> istioWebhooks = new ArrayList<>();
        for (Resource mwc : snapshot.list("admissionregistration.k8s.io", "MutatingWebhookConfiguration")) {
            for (JsonNode wh : mwc.body().path("webhooks")) {
                if (wh.path("name").asText().endsWith("istio.io")) {
                    istioWebhooks.add(wh);
                }
            }
        }
        for (Resource pod : snapshot.list("", "Pod")) {
            if (hasAutoImage(pod.spec())) {
                reporter.report("ImageAutoWithoutInjectionError", pod, "Pod", pod.name());
            }
        }
        for (Resource d : snapshot.list("apps", "Deployment")) {
            if (!hasAutoImage(Kube.podSpec(d))) {
                continue;
            }
            Resource ns = Kube.namespace(snapshot, d.namespace());
            Map<String, String> nsLabels = ns == null ? Map.of() : ns.labels();
            Map<String, String> podLabels = Kube.strings(Kube.podMetadata(d).path("labels"));
            boolean matched = istioWebhooks.stream().anyMatch(wh ->
                    Kube.labelSelectorMatches(wh.get("namespaceSelector"), nsLabels)
                            && Kube.labelSelectorMatches(wh.get("objectSelector"), podLabels));
            if (!matched) {
                reporter.report("ImageAutoWithoutInjectionWarning", d, "Deployment", d.name());
            }
        }
    }

    private static boolean hasAutoImage(JsonNode podSpec) {
        for (JsonNode c : podSpec.path("containers")) {
            if (Kube.ISTIO_PROXY.equals(c.path("name").asText()) && "auto".equals(c.path("image").asText())) {
                return true;
            }
        }
        return false;
    }
}
