package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * istioctl's conditions.ConditionAnalyzer: IST0171 for status conditions Istio itself writes in their
 * failing state (waypoint binding, policy acceptance, Gateway API acceptance). Conditions of other
 * controllers (Argo CD and the like) are not Istio's to judge.
 */
final class ConditionAnalyzer implements Analyzer {

    private record Watched(String group, String kind, boolean routeParents, Set<String> types) {
    }

    private static final Set<String> GATEWAY_API = Set.of("Accepted", "Programmed", "ResolvedRefs");

    private static final List<Watched> WATCHED = List.of(
            new Watched("", "Service", false, Set.of("istio.io/WaypointBound")),
            new Watched("networking.istio.io", "ServiceEntry", false, Set.of("istio.io/WaypointBound")),
            new Watched("security.istio.io", "AuthorizationPolicy", false, Set.of("ZtunnelAccepted", "WaypointAccepted")),
            new Watched("gateway.networking.k8s.io", "Gateway", false, GATEWAY_API),
            new Watched("gateway.networking.k8s.io", "HTTPRoute", true, GATEWAY_API),
            new Watched("gateway.networking.k8s.io", "GRPCRoute", true, GATEWAY_API));

    @Override
    public String name() {
        return "conditions.ConditionAnalyzer";
    }

    @Override
    public String description() {
        return "Checks for negative status conditions on resources";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Watched w : WATCHED) {
            for (Resource r : snapshot.list(w.group(), w.kind())) {
                for (JsonNode c : conditions(r, w.routeParents())) {
                    Map<String, String> f = Kube.strings(c);
                    String type = f.getOrDefault("type", "");
                    boolean negative = w.types().contains(type) && "False".equals(f.get("status"));
                    // A policy accepted only in part says so with status True; istioctl reports it anyway.
                    boolean partial = w.kind().equals("AuthorizationPolicy") && type.equals("WaypointAccepted")
                            && "PartiallyInvalid".equals(f.get("reason"));
                    if (negative) {
                        report(r, f, reporter);
                    }
                    if (partial) {
                        report(r, f, reporter);
                    }
                }
            }
        }
    }

    private static void report(Resource r, Map<String, String> c, Reporter reporter) {
        reporter.report("NegativeConditionStatus", r, c.getOrDefault("type", ""), c.getOrDefault("reason", ""),
                c.getOrDefault("message", ""));
    }

    /** Routes keep conditions per parent; everything else at status.conditions. */
    private static List<JsonNode> conditions(Resource r, boolean routeParents) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode status = r.body().path("status");
        if (routeParents) {
            status.path("parents").forEach(p -> p.path("conditions").forEach(out::add));
        } else {
            status.path("conditions").forEach(out::add);
        }
        return out;
    }
}
