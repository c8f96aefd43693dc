package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.List;

/**
 * istioctl's deprecation.DeprecationAnalyzer (IST0002): deprecated fields Istio still accepts but ignores
 * or replaces, and CRDs of APIs Istio removed. The list is hand-kept, as istio's own is.
 */
final class DeprecationAnalyzer implements Analyzer {

    /** Kinds of the removed rbac.istio.io API; their CRDs linger after upgrades. */
    private static final List<String> REMOVED_RBAC = List.of("ClusterRbacConfig", "RbacConfig", "ServiceRole",
            "ServiceRoleBinding");

    @Override
    public String name() {
        return "deprecation.DeprecationAnalyzer";
    }

    @Override
    public String description() {
        return "Checks for deprecated Istio types and fields";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Resource vs : snapshot.list("networking.istio.io", "VirtualService")) {
            for (JsonNode http : vs.spec().path("http")) {
                if (http.path("fault").path("delay").path("percent").asDouble(0) > 0) {
                    reporter.report("Deprecated", vs,
                            "HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage");
                }
            }
        }
        for (Resource sc : snapshot.list("networking.istio.io", "Sidecar")) {
            JsonNode egress = sc.spec().path("outboundTrafficPolicy").path("egressProxy");
            if (!egress.isMissingNode() && !egress.isNull()) {
                reporter.report("Deprecated", sc, "OutboundTrafficPolicy.EgressProxy ignored");
            }
        }
        for (Resource crd : snapshot.list("apiextensions.k8s.io", "CustomResourceDefinition")) {
            String group = crd.spec().path("group").asText();
            String kind = crd.spec().path("names").path("kind").asText();
            if (group.equals("rbac.istio.io") && REMOVED_RBAC.contains(kind)) {
                reporter.report("Deprecated", crd, "Custom resource type " + group + " " + kind + " is removed");
            }
        }
    }
}
