package dev.skopos.analysis.security;

import dev.skopos.analysis.Analyzer;
import java.util.List;

/** istioctl's analyzers for authorization, authentication, certificates, secrets, telemetry, the external control plane and status conditions. */
public final class SecurityAnalyzers {

    private SecurityAnalyzers() {
    }

    /** The analyzers as conformance runs them: offline, no DNS lookups. */
    public static List<Analyzer> all() {
        return all(HostResolver.OFFLINE);
    }

    /** The analyzers, with the external control plane check resolving webhook hosts through {@code resolver}. */
    public static List<Analyzer> all(HostResolver resolver) {
        return List.of(
                new AuthorizationPoliciesAnalyzer(),
                new BlockedCidrsAnalyzer(),
                new CaCertificateAnalyzer(),
                new GatewayCertificateAnalyzer(),
                new GatewaySecretAnalyzer(),
                new TelemetryDefaultSelectorAnalyzer(),
                new TelemetrySelectorAnalyzer(),
                new TelemetryProviderAnalyzer(),
                new TelemetryLightstepAnalyzer(),
                new ExternalControlPlaneAnalyzer(resolver),
                new AuthorizationPolicyValidationAnalyzer(),
                new PeerAuthenticationValidationAnalyzer(),
                new RequestAuthenticationValidationAnalyzer());
    }
}
