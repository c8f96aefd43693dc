package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.SchemaValidationAnalyzer;

/**
 * istioctl's {@code schema.ValidationAnalyzer.RequestAuthentication}, for istio's
 * ValidateRequestAuthentication: errors (IST0106) for both a selector and targetRef(s), an empty
 * audience, and a JWT rule with neither issuer nor jwksUri; the warning (IST0133) for a selector
 * without labels. Not reproduced: jwksUri/jwks parsing, header, param, cookie, claim-to-header and
 * timeout checks.
 */
final class RequestAuthenticationValidationAnalyzer extends SchemaValidationAnalyzer {

    RequestAuthenticationValidationAnalyzer() {
        super("security.istio.io", "RequestAuthentication");
    }

    @Override
    protected void validate(Resource ra, Findings findings) {
        JsonNode spec = ra.spec();
        int selectorTypes = (present(spec.path("selector")) ? 1 : 0) + (present(spec.path("targetRef")) ? 1 : 0)
                + (spec.path("targetRefs").isEmpty() ? 0 : 1);
        if (selectorTypes > 1) {
            findings.error("only one of targetRefs or workloadSelector can be set");
        }
        for (JsonNode rule : spec.path("jwtRules")) {
            for (JsonNode audience : rule.path("audiences")) {
                if (audience.asText("").isEmpty()) {
                    findings.error("audience must be non-empty string");
                }
            }
            if (rule.path("issuer").asText("").isEmpty() && rule.path("jwksUri").asText("").isEmpty()) {
                findings.error("issuer or jwksUri must be non-empty string");
            }
        }
        if (selectorWithoutLabels(spec.path("selector"), "matchLabels")) {
            findings.warning("workload selector specified without labels");
        }
    }
}
