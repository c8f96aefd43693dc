package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;

/**
 * istioctl's applicationUID.Analyzer: IST0144 when a pod or deployment runs application code as UID
 * 1337, the UID the sidecar uses (its traffic would bypass interception).
 */
final class ApplicationUidAnalyzer implements Analyzer {

    private static final long PROXY_UID = 1337;

    @Override
    public String name() {
        return "applicationUID.Analyzer";
    }

    @Override
    public String description() {
        return "Checks invalid application UID";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        snapshot.list("", "Pod").forEach(r -> check(r, reporter));
        snapshot.list("apps", "Deployment").forEach(r -> check(r, reporter));
    }

    private static void check(Resource r, Reporter reporter) {
        if (Kube.isControlPlane(r)) {
            return;
        }
        JsonNode spec = Kube.podSpec(r);
        if (runsAsProxy(spec.path("securityContext"))) {
            reporter.report("InvalidApplicationUID", r);
        }
        for (JsonNode c : spec.path("containers")) {
            String name = c.path("name").asText();
            // The proxy and the operator are meant to run as 1337.
            if (!name.equals(Kube.ISTIO_PROXY) && !name.equals("istio-operator") && runsAsProxy(c.path("securityContext"))) {
                reporter.report("InvalidApplicationUID", r);
            }
        }
    }

    private static boolean runsAsProxy(JsonNode securityContext) {
        JsonNode uid = securityContext.path("runAsUser");
        return uid.canConvertToLong() && uid.asLong() == PROXY_UID;
    }
}
