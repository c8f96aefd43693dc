package dev.skopos.analysis.networking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.ManifestLoader;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidationAnalyzersTest {

    private static List<String> run(Analyzer analyzer, String yaml) {
        Reporter reporter = new Reporter();
        analyzer.analyze(new ResourceSnapshot(ManifestLoader.parse(yaml, "test.yaml")), reporter);
        return reporter.found().stream().map(d -> d.code() + " " + d.resource().display() + ": " + d.message()).toList();
    }

    @Test
    void gatewayTlsWarningsAndIstioMutualErrors() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: ns}
                spec:
                  servers:
                  - port: {number: 443, name: tls, protocol: TLS}
                    hosts: ["*.example.com"]
                    tls: {mode: PASSTHROUGH, credentialName: cert, httpsRedirect: true}
                  - port: {number: 8443, name: https, protocol: HTTPS}
                    hosts: ["*.example.com"]
                    tls: {mode: ISTIO_MUTUAL, credentialName: cert, minProtocolVersion: TLSV1_1}
                  - port: {number: 80, name: http, protocol: http}
                    hosts: ["*.example.com"]
                    tls: {httpsRedirect: true}
                """;
        assertThat(new GatewayValidationAnalyzer().name()).isEqualTo("schema.ValidationAnalyzer.Gateway");
        assertThat(run(new GatewayValidationAnalyzer(), yaml)).containsExactly(
                "IST0106 Gateway ns/gw: Schema validation error: ISTIO_MUTUAL TLS cannot have associated credentialName",
                "IST0133 Gateway ns/gw: Schema validation warning: PASSTHROUGH mode does not use certificates, they will be ignored",
                "IST0133 Gateway ns/gw: Schema validation warning: TLS version below TLSV1_2 require setting compatible ciphers "
                        + "as by default they no longer include compatible ciphers.",
                "IST0133 Gateway ns/gw: Schema validation warning: tls.httpsRedirect should only be used with http servers");
    }

    @Test
    void plainSimpleGatewayIsClean() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: ns}
                spec:
                  servers:
                  - port: {number: 443, name: https, protocol: HTTPS}
                    hosts: ["*"]
                    tls: {mode: SIMPLE, credentialName: cert, minProtocolVersion: TLSV1_0, cipherSuites: [ECDHE-RSA-AES128-SHA]}
                """;
        assertThat(run(new GatewayValidationAnalyzer(), yaml)).isEmpty();
    }

    @Test
    void destinationRuleDeprecatedFieldsWarnOnlyAtTopLevel() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: dr, namespace: ns}
                spec:
                  host: reviews
                  workloadSelector: {}
                  trafficPolicy:
                    outlierDetection: {consecutiveErrors: 5}
                    loadBalancer: {consistentHash: {minimumRingSize: 1024, httpHeaderName: x}}
                  subsets:
                  - name: v1
                    labels: {version: v1}
                    trafficPolicy: {outlierDetection: {consecutiveErrors: 5}}
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: empty-policy, namespace: ns}
                spec: {host: reviews, trafficPolicy: {}}
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: fine, namespace: ns}
                spec: {host: reviews, trafficPolicy: {outlierDetection: {consecutive5xxErrors: 5}}}
                """;
        assertThat(run(new DestinationRuleValidationAnalyzer(), yaml)).containsExactly(
                "IST0133 DestinationRule ns/dr: Schema validation warning: outlier detection consecutive errors is deprecated, "
                        + "use consecutiveGatewayErrors or consecutive5xxErrors instead",
                "IST0133 DestinationRule ns/dr: Schema validation warning: consistent hash MinimumRingSize is deprecated, "
                        + "use ConsistentHashLB's RingHash configuration instead",
                "IST0133 DestinationRule ns/dr: Schema validation warning: workload selector specified without labels",
                "IST0106 DestinationRule ns/empty-policy: Schema validation error: traffic policy must have at least one field");
    }

    @Test
    void sidecarSelectorAndEgressHostWarnings() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: Sidecar
                metadata: {name: sc, namespace: ns}
                spec:
                  workloadSelector: {labels: {}}
                  ingress:
                  - port: {number: 9000, name: tcp, protocol: TCP}
                    connectionPool: {http: {http1MaxPendingRequests: 10}}
                  egress:
                  - hosts: ["ns/*", "./a.example.com", "*/*"]
                ---
                apiVersion: networking.istio.io/v1
                kind: Sidecar
                metadata: {name: empty, namespace: ns}
                spec: {workloadSelector: {labels: {}}}
                ---
                apiVersion: networking.istio.io/v1
                kind: Sidecar
                metadata: {name: fine, namespace: ns}
                spec:
                  workloadSelector: {labels: {app: a}}
                  egress: [{hosts: ["./*", "istio-system/*"]}]
                """;
        String w = "Schema validation warning: ";
        assertThat(run(new SidecarValidationAnalyzer(), yaml)).containsExactly(
                "IST0133 Sidecar ns/sc: " + w + "sidecar: workload selector specified without labels, will be applied to all services in namespace",
                "IST0133 Sidecar ns/sc: " + w + "sidecar: HTTP connection pool settings are configured for port 9000 (\"tcp\") "
                        + "but its protocol is not HTTP (TCP); only TCP settings will apply",
                "IST0133 Sidecar ns/sc: " + w + "duplicated egress host: ./a.example.com",
                "IST0133 Sidecar ns/sc: " + w + "`*/*` host select all resources, no other hosts can be added",
                "IST0106 Sidecar ns/empty: Schema validation error: sidecar: empty configuration provided");
    }

    @Test
    void everyEnvoyFilterIsWarnedAboutAndDryRunIsOnlyForAuthorizationPolicies() {
        String yaml = """
                apiVersion: networking.istio.io/v1alpha3
                kind: EnvoyFilter
                metadata: {name: ef, namespace: ns}
                spec: {configPatches: []}
                ---
                apiVersion: networking.istio.io/v1alpha3
                kind: EnvoyFilter
                metadata: {name: dry, namespace: ns, annotations: {istio.io/dry-run: "true"}}
                spec: {configPatches: []}
                """;
        assertThat(run(new EnvoyFilterValidationAnalyzer(), yaml)).containsExactly(
                "IST0133 EnvoyFilter ns/ef: Schema validation warning: EnvoyFilter exposes internal implementation details that may "
                        + "change at any time. Prefer other APIs if possible, and exercise extreme caution, especially around upgrades.",
                "IST0106 EnvoyFilter ns/dry: Schema validation error: ns/dry has unsupported annotation istio.io/dry-run, "
                        + "please remove the annotation");
    }
}
