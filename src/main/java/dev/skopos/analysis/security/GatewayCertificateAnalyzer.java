package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.List;
import java.util.Map;

/**
 * istioctl's gateway.CertificateAnalyzer: two Gateways on the same proxies serving the same
 * certificate let HTTP/2 clients reuse a connection for the other's hosts and get 404s. "Same
 * proxies" means the other Gateway's selector includes all of this one's labels (an empty selector
 * includes every Gateway); istiod's default does not scope Gateways to their namespace.
 */
final class GatewayCertificateAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "gateway.CertificateAnalyzer";
    }

    @Override
    public String description() {
        return "Checks a gateway certificate";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        List<Resource> gateways = snapshot.list("networking.istio.io", "Gateway");
        for (Resource current : gateways) {
            Map<String, String> selector = WorkloadSelectors.labels(current.spec().path("selector"));
            for (Resource other : gateways) {
                if (other.fullName().equals(current.fullName())
                        || !WorkloadSelectors.matches(selector, WorkloadSelectors.labels(other.spec().path("selector")))) {
                    continue;
                }
                if (shareCertificate(current, other)) {
                    reporter.report("GatewayDuplicateCertificate", current, List.of(current.fullName(), other.fullName()));
                }
            }
        }
    }

    private static boolean shareCertificate(Resource a, Resource b) {
        for (JsonNode serverA : a.spec().path("servers")) {
            for (JsonNode serverB : b.spec().path("servers")) {
                if (serverA.hasNonNull("tls") && serverB.hasNonNull("tls")
                        && sameCertificate(serverA.path("tls"), serverB.path("tls"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Same credentialName; or, with no credentialNames at all, the same file certificate and key. */
    static boolean sameCertificate(JsonNode a, JsonNode b) {
        String credA = a.path("credentialName").asText("");
        String credB = b.path("credentialName").asText("");
        if (!credA.isEmpty() && !credB.isEmpty()) {
            return credA.equals(credB);
        }
        if (!credA.isEmpty() || !credB.isEmpty()) {
            return false;
        }
        String certA = a.path("serverCertificate").asText("");
        String keyA = a.path("privateKey").asText("");
        return !certA.isEmpty() && certA.equals(b.path("serverCertificate").asText(""))
                && !keyA.isEmpty() && keyA.equals(b.path("privateKey").asText(""));
    }
}
