package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * istioctl's conditions.ConditionAnalyzer: surfaces the negative status conditions Istio and the
 * Gateway API controllers write back (waypoint binding, ztunnel/waypoint acceptance, gateway and
 * route acceptance). Only the condition types listed per kind count; others (e.g. Argo CD's) are
 * someone else's. A waypoint that accepted a policy only partially says so with status True, so
 * that reason is reported too.
 */
final class ConditionAnalyzer implements Analyzer {

    /** A watched kind, the condition types whose status "False" is bad news, and where its conditions live. */
    private record Watched(String group, String kind, Set<String> negativeWhenFalse, boolean perParent) {
    }

    private static final Set<String> GATEWAY_API = Set.of("Accepted", "Programmed", "ResolvedRefs");

    private static final List<Watched> WATCHED = List.of(
            new Watched("", "Service", Set.of("istio.io/WaypointBound"), false),
            new Watched("networking.istio.io", "ServiceEntry", Set.of("istio.io/WaypointBound"), false),
            new Watched("security.istio.io", "AuthorizationPolicy", Set.of("ZtunnelAccepted", "WaypointAccepted"), false),
            new Watched("gateway.networking.k8s.io", "Gateway", GATEWAY_API, false),
            new Watched("gateway.networking.k8s.io", "HTTPRoute", GATEWAY_API, true),
            new Watched("gateway.networking.k8s.io", "GRPCRoute", GATEWAY_API, true));

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
        for (Watched watched : WATCHED) {
            for (Resource r : snapshot.list(watched.group(), watched.kind())) {
                for (JsonNode condition : conditions(r, watched)) {
                    String type = condition.path("type").asText("");
                    String status = condition.path("status").asText("");
                    String reason = condition.path("reason").asText("");
                    boolean negative = watched.negativeWhenFalse().contains(type) && status.equals("False");
                    boolean partial = watched.kind().equals("AuthorizationPolicy")
                            && type.equals("WaypointAccepted") && reason.equals("PartiallyInvalid");
                    if (negative || partial) {
                        reporter.report("NegativeConditionStatus", r, type, reason, condition.path("message").asText(""));
                    }
                }
            }
        }
    }

    /** Routes keep conditions per parent reference; everything else directly under status. */
    private static List<JsonNode> conditions(Resource r, Watched watched) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode status = r.body().path("status");
        if (watched.perParent()) {
            status.path("parents").forEach(p -> p.path("conditions").forEach(out::add));
        } else {
            status.path("conditions").forEach(out::add);
        }
        return out;
    }
}
