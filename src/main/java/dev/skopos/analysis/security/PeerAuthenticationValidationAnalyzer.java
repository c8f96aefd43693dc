package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.SchemaValidationAnalyzer;

/**
 * istioctl's {@code schema.ValidationAnalyzer.PeerAuthentication}, for istio's
 * ValidatePeerAuthentication: errors (IST0106) for port-level mTLS on a mesh/namespace policy (no
 * selector labels) and for ports outside 1..65535; the warning (IST0133) for a selector without
 * labels. Not reproduced: "port level mTLS, if defined, must have at least one element" (whether an
 * empty map survives decoding is Go-specific) and selector key/wildcard errors.
 */
final class PeerAuthenticationValidationAnalyzer extends SchemaValidationAnalyzer {

    PeerAuthenticationValidationAnalyzer() {
        super("security.istio.io", "PeerAuthentication");
    }

    @Override
    protected void validate(Resource pa, Findings findings) {
        JsonNode spec = pa.spec();
        JsonNode portLevel = spec.path("portLevelMtls");
        if (spec.path("selector").path("matchLabels").isEmpty() && !portLevel.isEmpty()) {
            findings.error("mesh/namespace peer authentication cannot have port level mTLS");
        }
        portLevel.fieldNames().forEachRemaining(port -> {
            long n;
            try {
                n = Long.parseLong(port);
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n <= 0 || n > 65535) {
                findings.error("port must be in range 1..65535");
            }
        });
        if (selectorWithoutLabels(spec.path("selector"), "matchLabels")) {
            findings.warning("workload selector specified without labels");
        }
    }
}
