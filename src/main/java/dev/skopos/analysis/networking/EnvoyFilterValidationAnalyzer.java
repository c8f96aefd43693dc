package dev.skopos.analysis.networking;

import dev.skopos.analysis.Resource;
import dev.skopos.analysis.SchemaValidationAnalyzer;

/**
 * istioctl's {@code schema.ValidationAnalyzer.EnvoyFilter}: istio's ValidateEnvoyFilter warns on
 * every EnvoyFilter (IST0133) that it exposes Envoy internals. The per-patch errors (missing
 * applyTo, patch or value, mismatched match and applyTo, patch values Envoy cannot parse) are not
 * reproduced.
 */
final class EnvoyFilterValidationAnalyzer extends SchemaValidationAnalyzer {

    EnvoyFilterValidationAnalyzer() {
        super(VirtualServiceGatewayAnalyzer.ISTIO, "EnvoyFilter");
    }

    @Override
    protected void validate(Resource filter, Findings findings) {
        findings.warning("EnvoyFilter exposes internal implementation details that may change at any time. "
                + "Prefer other APIs if possible, and exercise extreme caution, especially around upgrades.");
    }
}
