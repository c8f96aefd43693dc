package dev.skopos.analysis.security;

import static dev.skopos.analysis.security.Fixtures.CERT_B64;
import static dev.skopos.analysis.security.Fixtures.run;
import static dev.skopos.analysis.security.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class GatewaySecretAnalyzerTest {

    private static final String KEY_PLACEHOLDER = Base64.getEncoder().encodeToString("not a key".getBytes(StandardCharsets.UTF_8));

    private static String yaml(String credentialName) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: gw, namespace: edge, labels: {istio: gw}}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: good, namespace: edge}
                type: kubernetes.io/tls
                data: {tls.crt: %s, tls.key: %s}
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: web, namespace: apps}
                spec:
                  selector: {istio: gw}
                  servers:
                  - port: {number: 443, name: https, protocol: HTTPS}
                    tls: {mode: SIMPLE, credentialName: "%s"}
                """.formatted(CERT_B64, KEY_PLACEHOLDER, credentialName);
    }

    private static GatewaySecretAnalyzer at(String instant) {
        return new GatewaySecretAnalyzer(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void aValidCertificateBesideTheProxiesPasses() {
        assertThat(run(at("2030-01-01T00:00:00Z"), snapshot(yaml("good")))).isEmpty();
        assertThat(run(at("2030-01-01T00:00:00Z"), snapshot(yaml("edge/good")))).isEmpty();
    }

    @Test
    void theSecretIsLookedUpInTheProxiesNamespaceNotTheGateways() {
        assertThat(run(at("2030-01-01T00:00:00Z"), snapshot(yaml("apps/good")))).containsExactly(
                "IST0101 Gateway apps/web: Referenced credentialName not found: \"apps/good\"");
    }

    @Test
    void expiredAndNotYetValidCertificatesAreInvalid() {
        String message = "IST0161 Gateway apps/web: The credential referenced by the Gateway web in namespace edge is invalid, "
                + "which can cause the traffic not to work as expected.";
        assertThat(run(at("2200-01-01T00:00:00Z"), snapshot(yaml("good")))).containsExactly(message);
        assertThat(run(at("2020-01-01T00:00:00Z"), snapshot(yaml("good")))).containsExactly(message);
    }

    @Test
    void aSelectorMatchingNoPodIsReported() {
        String yaml = yaml("good").replace("selector: {istio: gw}", "selector: {istio: other, app: x}");
        assertThat(run(at("2030-01-01T00:00:00Z"), snapshot(yaml))).containsExactly(
                "IST0101 Gateway apps/web: Referenced selector not found: \"app=x,istio=other\"");
    }

    @Test
    void genericKeysWinOverTlsKeysAndBothMustBeNonEmpty() {
        byte[] pem = Base64.getDecoder().decode(CERT_B64);
        assertThat(GatewayCredentials.validCertificate(pem, Instant.parse("2030-01-01T00:00:00Z"))).isTrue();
        assertThat(GatewayCredentials.validCertificate("hush".getBytes(StandardCharsets.UTF_8), Instant.now())).isFalse();
        var data = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("cert", "").put("key", KEY_PLACEHOLDER).put("tls.crt", CERT_B64).put("tls.key", KEY_PLACEHOLDER);
        assertThat(GatewayCredentials.certificate(data)).hasValueSatisfying(c -> assertThat(c).isEqualTo(pem));
        data.put("tls.key", "");
        assertThat(GatewayCredentials.certificate(data)).isEmpty();
    }
}
