package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several DestinationRules for one host (incident 2). Within a namespace Istio merges them
 * (PushContext.mergeDestinationRule): rules sorted oldest first (sortConfigByCreationTime: creation
 * time, then name), the first is the base, later ones only add subsets whose names are free, and their
 * top-level trafficPolicy is used only if nothing before had one. Across namespaces nothing is merged:
 * a client uses the rule in its own namespace, else the host's namespace's, else the root namespace's
 * (PushContext.destinationRule). Rules with a workloadSelector are merged only with rules of the same
 * selector, so the selector is part of the grouping.
 */
public final class DestinationRuleConflictAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "skopos.DestinationRuleConflict";
    }

    @Override
    public String description() {
        return "Finds DestinationRules for one host whose subsets or traffic policy are merged away or shadowed";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Map<String, List<Resource>> byNamespaceHost = new LinkedHashMap<>();
        for (Resource dr : snapshot.list("networking.istio.io", "DestinationRule")) {
            String key = dr.namespace() + "|" + host(dr) + "|" + dr.spec().path("workloadSelector");
            byNamespaceHost.computeIfAbsent(key, k -> new ArrayList<>()).add(dr);
        }
        Map<String, List<Resource>> winnersByHost = new LinkedHashMap<>();
        for (List<Resource> group : byNamespaceHost.values()) {
            List<Resource> ordered = group.stream().sorted(OLDEST_FIRST).toList();
            reportMerged(ordered, reporter);
            Resource base = ordered.get(0);
            if (base.spec().path("workloadSelector").isMissingNode()) {
                winnersByHost.computeIfAbsent(host(base), k -> new ArrayList<>()).add(base);
            }
        }
        winnersByHost.forEach((host, rules) -> reportShadowed(snapshot, host, rules, reporter));
    }

    static final Comparator<Resource> OLDEST_FIRST = Comparator.comparing(Created::of)
            .thenComparing(Resource::name).thenComparing(Resource::namespace);

    static String host(Resource dr) {
        return Hosts.fqdn(dr.spec().path("host").asText(""), dr.namespace());
    }

    /** Replays Istio's merge in order and reports, on each later rule, what of it was dropped. */
    private static void reportMerged(List<Resource> ordered, Reporter reporter) {
        Resource base = ordered.get(0);
        Set<String> subsets = new LinkedHashSet<>(subsetNames(base));
        boolean hasPolicy = base.spec().has("trafficPolicy");
        for (Resource later : ordered.subList(1, ordered.size())) {
            List<String> clashing = new ArrayList<>();
            for (String s : subsetNames(later)) {
                if (!subsets.add(s)) {
                    clashing.add(s);
                }
            }
            boolean policyLost = hasPolicy && later.spec().has("trafficPolicy");
            hasPolicy |= later.spec().has("trafficPolicy");
            List<String> lost = new ArrayList<>();
            if (!clashing.isEmpty()) {
                lost.add("its subset" + (clashing.size() > 1 ? "s " : " ") + String.join(", ", clashing)
                        + " (name" + (clashing.size() > 1 ? "s" : "") + " already taken)");
            }
            if (policyLost) {
                lost.add("its trafficPolicy (" + summary(later.spec().path("trafficPolicy")) + ")");
            }
            if (!lost.isEmpty()) {
                reporter.report("DestinationRuleMergedAway", later, later.fullName(), base.fullName(),
                        Hosts.shortName(host(base)), String.join(" and ", lost) + " never reach Envoy");
            }
        }
    }

    /** Cross-namespace: who uses which rule, per PushContext.destinationRule's lookup order. */
    private static void reportShadowed(ResourceSnapshot snapshot, String host, List<Resource> rules, Reporter reporter) {
        if (rules.size() < 2) {
            return;
        }
        String root = snapshot.rootNamespace();
        String hostNs = hostNamespace(host);
        Resource owner = rules.stream().filter(r -> r.namespace().equals(hostNs)).findFirst().orElse(null);
        Resource rootRule = rules.stream().filter(r -> r.namespace().equals(root)).findFirst().orElse(null);
        // The rule other namespaces fall back to: the host's namespace's, else the root namespace's.
        Resource fallback = owner != null && exportedTo(owner, "*") ? owner : rootRule;
        if (rootRule != null && owner != null && rootRule != owner && exportedTo(owner, "*")) {
            reporter.report("DestinationRuleShadowed", rootRule, Hosts.shortName(host), "in every namespace",
                    owner.fullName());
        }
        if (fallback == null) {
            return;
        }
        for (Resource local : rules) {
            String ns = local.namespace();
            if (local != fallback && !ns.equals(root) && !ns.equals(hostNs)) {
                reporter.report("DestinationRuleShadowed", fallback, Hosts.shortName(host), "in namespace " + ns,
                        local.fullName());
            }
        }
    }

    /** The namespace of a Kubernetes service FQDN ({@code name.ns.svc.cluster.local}); "" otherwise. */
    static String hostNamespace(String fqdn) {
        String[] parts = fqdn.split("\\.");
        return fqdn.endsWith(".svc." + Hosts.DOMAIN) && parts.length == 5 ? parts[1] : "";
    }

    private static boolean exportedTo(Resource dr, String namespace) {
        JsonNode exportTo = dr.spec().path("exportTo");
        if (!exportTo.isArray() || exportTo.isEmpty()) {
            return true;
        }
        for (JsonNode e : exportTo) {
            if (e.asText().equals("*") || e.asText().equals(namespace)) {
                return true;
            }
        }
        return false;
    }

    static List<String> subsetNames(Resource dr) {
        List<String> out = new ArrayList<>();
        dr.spec().path("subsets").forEach(s -> out.add(s.path("name").asText()));
        return out;
    }

    /** A few words for a trafficPolicy: its top-level keys with their most telling value. */
    private static String summary(JsonNode policy) {
        List<String> parts = new ArrayList<>();
        policy.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            String telling = v.has("simple") ? v.path("simple").asText() : v.has("mode") ? v.path("mode").asText() : "";
            parts.add(telling.isEmpty() ? e.getKey() : e.getKey() + " " + telling);
        });
        return String.join(", ", parts);
    }
}
