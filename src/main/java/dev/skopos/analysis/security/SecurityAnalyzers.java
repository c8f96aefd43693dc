package dev.skopos.analysis.security;

import dev.skopos.analysis.Analyzer;
import java.util.List;

/** istioctl's analyzers for authorization, authentication, certificates, secrets, telemetry and the external control plane. */
public final class SecurityAnalyzers {

    private SecurityAnalyzers() {
    }

    public static List<Analyzer> all() {
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
                new ExternalControlPlaneAnalyzer(),
                new ConditionAnalyzer());
    }
}
