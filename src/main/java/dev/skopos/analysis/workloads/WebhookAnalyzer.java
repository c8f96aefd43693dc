package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * istioctl's webhook.Analyzer (IST0139): Istio injection webhooks whose selectors overlap, so a pod would
 * be injected twice, and webhooks pointing at a control-plane Service that does not exist.
 */
final class WebhookAnalyzer implements Analyzer {

    private record Hook(String key, Resource owner, JsonNode webhook) {
    }

    @Override
    public String name() {
        return "webhook.Analyzer";
    }

    @Override
    public String description() {
        return "Checks the validity of Istio webhooks";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        List<Hook> hooks = new ArrayList<>();
        TreeSet<String> revisions = new TreeSet<>();
        for (Resource mwc : snapshot.list("admissionregistration.k8s.io", "MutatingWebhookConfiguration")) {
            TreeSet<String> revs = revisions(mwc);
            boolean istio = Kube.list(mwc.body().path("webhooks")).stream()
                    .anyMatch(w -> w.path("name").asText().endsWith("istio.io"));
            if (revs.isEmpty() && !istio) {
                continue;
            }
            mwc.body().path("webhooks").forEach(w -> hooks.add(new Hook(mwc.name() + "/" + w.path("name").asText(), mwc, w)));
            revisions.addAll(revs);
        }
        // Every combination of namespace and pod labels a user might plausibly set must hit at most one webhook.
        for (Map<String, String> nsLabels : permutations("istio-injection", "enabled", "disabled", revisions)) {
            for (Map<String, String> podLabels : permutations(Kube.SIDECAR_INJECT, "true", "false", revisions)) {
                TreeSet<String> matches = new TreeSet<>();
                for (Hook h : hooks) {
                    if (Kube.labelSelectorMatches(h.webhook().get("namespaceSelector"), nsLabels)
                            && Kube.labelSelectorMatches(h.webhook().get("objectSelector"), podLabels)) {
                        matches.add(h.key());
                    }
                }
                if (matches.size() > 1) {
                    Map<String, Resource> owners = new HashMap<>();
                    hooks.forEach(h -> owners.put(h.key(), h.owner()));
                    for (String match : matches) {
                        TreeSet<String> others = new TreeSet<>(matches);
                        others.remove(match);
                        reporter.report("InvalidWebhook", owners.get(match), "Webhook overlaps with others: ["
                                + String.join(" ", others) + "]. This may cause injection to occur twice.");
                    }
                }
            }
        }
        for (Hook h : hooks) {
            JsonNode service = h.webhook().path("clientConfig").path("service");
            if (service.isMissingNode() || service.isNull()) {
                continue; // a URL webhook
            }
            String ns = service.path("namespace").asText("");
            String name = service.path("name").asText("");
            if (snapshot.find("", "Service", ns, name).isEmpty()) {
                reporter.report("InvalidWebhook", h.owner(),
                        "Injector refers to a control plane service that does not exist: " + ns + "/" + name + ".");
            }
        }
    }

    /** {}, {key: on}, {key: off}, and each of those again with istio.io/rev set to every revision. */
    private static List<Map<String, String>> permutations(String key, String on, String off, TreeSet<String> revisions) {
        List<Map<String, String>> base = List.of(Map.of(), Map.of(key, on), Map.of(key, off));
        List<Map<String, String>> out = new ArrayList<>(base);
        for (String rev : revisions) {
            for (Map<String, String> b : base) {
                Map<String, String> m = new LinkedHashMap<>(b);
                m.put(Kube.REVISION_LABEL, rev);
                out.add(m);
            }
        }
        return out;
    }

    /** Revisions a configuration serves: its istio.io/rev label and any its selectors require. */
    private static TreeSet<String> revisions(Resource mwc) {
        TreeSet<String> revs = new TreeSet<>();
        String label = mwc.labels().get(Kube.REVISION_LABEL);
        if (label != null) {
            revs.add(label);
        }
        for (JsonNode w : mwc.body().path("webhooks")) {
            for (String field : List.of("namespaceSelector", "objectSelector")) {
                JsonNode sel = w.path(field);
                JsonNode v = sel.path("matchLabels").get(Kube.REVISION_LABEL);
                if (v != null) {
                    revs.add(v.asText());
                }
                for (JsonNode expr : sel.path("matchExpressions")) {
                    if (Kube.REVISION_LABEL.equals(expr.path("key").asText())) {
                        expr.path("values").forEach(x -> revs.add(x.asText()));
                    }
                }
            }
        }
        return revs;
    }
}
