package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;

/**
 * istioctl's destinationrule.CaCertificateAnalyzer: SIMPLE or MUTUAL client TLS without
 * caCertificates does not verify the server, at the destination and at each port. A credentialName
 * on a DestinationRule with a workloadSelector is exempt, since that secret can carry the CA.
 */
final class CaCertificateAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "destinationrule.CaCertificateAnalyzer";
    }

    @Override
    public String description() {
        return "Checks if caCertificates is set when TLS mode is SIMPLE/MUTUAL";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Resource rule : snapshot.list("networking.istio.io", "DestinationRule")) {
            JsonNode spec = rule.spec();
            boolean selected = spec.hasNonNull("workloadSelector");
            String host = spec.path("host").asText("");
            JsonNode policy = spec.path("trafficPolicy");
            JsonNode tls = policy.path("tls");
            if (unverified(tls, selected)) {
                reporter.report("NoServerCertificateVerificationDestinationLevel", rule,
                        rule.fullName(), rule.namespace(), tls.path("mode").asText(), host);
            }
            for (JsonNode port : policy.path("portLevelSettings")) {
                JsonNode portTls = port.path("tls");
                if (unverified(portTls, selected)) {
                    reporter.report("NoServerCertificateVerificationPortLevel", rule,
                            rule.fullName(), rule.namespace(), portTls.path("mode").asText(), host,
                            portText(port.path("port")));
                }
            }
        }
    }

    private static boolean unverified(JsonNode tls, boolean selected) {
        String mode = tls.path("mode").asText("");
        if (!mode.equals("SIMPLE") && !mode.equals("MUTUAL")) {
            return false;
        }
        boolean credentialCarriesCa = !tls.path("credentialName").asText("").isEmpty() && selected;
        return tls.path("caCertificates").asText("").isEmpty() && !credentialCarriesCa;
    }

    /** The port selector as the Go message prints the proto ({@code number:443}); empty when unset. */
    private static String portText(JsonNode port) {
        return port.path("number").asInt(0) == 0 ? "" : "number:" + port.path("number").asInt();
    }
}
