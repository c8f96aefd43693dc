package dev.skopos.analysis.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.SchemaValidationAnalyzer;

/**
 * istioctl's {@code schema.ValidationAnalyzer.DestinationRule}, for istio's ValidateDestinationRule
 * warnings (IST0133):
 * <ul>
 *   <li>{@code outlierDetection.consecutiveErrors} (deprecated);</li>
 *   <li>{@code loadBalancer.consistentHash.minimumRingSize} (deprecated);</li>
 *   <li>a {@code workloadSelector} without labels.</li>
 * </ul>
 * Only the top-level traffic policy counts: istio validates subset and port-level policies through
 * a path that keeps their errors and drops their warnings. A traffic policy with none of its fields
 * is the error "traffic policy must have at least one field" (IST0106), and nothing else is checked
 * in it; so is setting both tunnel and proxyProtocol. The remaining field errors (durations, percentages, TLS, maglev, exportTo...) are not
 * reproduced.
 */
final class DestinationRuleValidationAnalyzer extends SchemaValidationAnalyzer {

    DestinationRuleValidationAnalyzer() {
        super(VirtualServiceGatewayAnalyzer.ISTIO, "DestinationRule");
    }

    @Override
    protected void validate(Resource dr, Findings findings) {
        JsonNode policy = dr.spec().path("trafficPolicy");
        if (policy.isObject()) {
            if (!hasAny(policy, "outlierDetection", "connectionPool", "loadBalancer", "tls", "portLevelSettings", "tunnel", "proxyProtocol")) {
                findings.error("traffic policy must have at least one field");
            } else if (present(policy.path("tunnel")) && present(policy.path("proxyProtocol"))) {
                findings.error("tunnel and proxyProtocol must not be set together");
            } else {
                if (policy.path("outlierDetection").path("consecutiveErrors").asLong(0) != 0) {
                    findings.warning("outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead");
                }
                if (policy.path("loadBalancer").path("consistentHash").path("minimumRingSize").asLong(0) != 0) {
                    findings.warning("consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead");
                }
            }
        }
        if (selectorWithoutLabels(dr.spec().path("workloadSelector"), "matchLabels")) {
            findings.warning("workload selector specified without labels");
        }
    }

    private static boolean hasAny(JsonNode node, String... fields) {
        for (String f : fields) {
            if (present(node.path(f))) {
                return true;
            }
        }
        return false;
    }
}
