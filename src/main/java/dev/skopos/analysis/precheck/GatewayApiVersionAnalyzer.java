package dev.skopos.analysis.precheck;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * istioctl precheck's {@code checkGatewayAPIs}: a Gateway API CRD that does not serve the API version Istio
 * reads is Error IST0156 (v1beta1 for the core kinds) or Warning IST0172 (v1, needed by future releases).
 * istioctl decides from the CRD's served {@code spec.versions}, not its bundle-version annotation (that one
 * is {@code k8sgateway.CRDVersionAnalyzer}'s IST0176), so a CRD can have either finding or both.
 */
final class GatewayApiVersionAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "precheck.GatewayAPIVersionAnalyzer";
    }

    @Override
    public String description() {
        return "Checks installed Gateway API CRDs serve the versions this Istio reads (istioctl x precheck)";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Resource crd : snapshot.list("apiextensions.k8s.io", "CustomResourceDefinition")) {
            if (!crd.spec().path("group").asText().equals(PrecheckVersions.GATEWAY_API_GROUP)) {
                continue;
            }
            String kind = crd.spec().path("names").path("kind").asText();
            SortedSet<String> served = served(crd.spec().path("versions"));
            // Go's sets.SortedList then strings.Join: byte order, comma without space.
            String has = served.isEmpty() ? "none" : String.join(",", served);
            if (PrecheckVersions.BETA_KINDS.contains(kind) && !served.contains(PrecheckVersions.BETA_VERSION)) {
                reporter.report("UnsupportedGatewayAPIVersion", crd, has, PrecheckVersions.BETA_VERSION);
            }
            if (PrecheckVersions.STABLE_KINDS.contains(kind) && !served.contains(PrecheckVersions.STABLE_VERSION)) {
                reporter.report("FutureUnsupportedGatewayAPIVersion", crd, has, PrecheckVersions.STABLE_VERSION);
            }
        }
    }

    /** Names of the versions with {@code served: true}; a version that is stored but not served does not count. */
    private static SortedSet<String> served(JsonNode versions) {
        SortedSet<String> out = new TreeSet<>();
        for (JsonNode v : versions) {
            if (v.path("served").asBoolean(false)) {
                out.add(v.path("name").asText());
            }
        }
        return out;
    }
}
