package dev.skopos.source.demo;

import static dev.skopos.source.demo.DemoFixture.BACKEND_SINGLE;
import static dev.skopos.source.demo.DemoFixture.CHECKOUT;
import static dev.skopos.source.demo.DemoFixture.FRONTEND;
import static dev.skopos.source.demo.DemoFixture.GATEWAY;
import static dev.skopos.source.demo.DemoFixture.LEGACY;
import static dev.skopos.source.demo.DemoFixture.NOW;
import static dev.skopos.source.demo.DemoFixture.RATINGS;
import static dev.skopos.source.demo.DemoFixture.config;
import static dev.skopos.source.demo.DemoFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DemoEnvoyAdminTest {

    private final DemoSource demo = DemoFixture.source();

    @Test
    void loggingStartsAtWarningWithTheFrontendsHttpDebug() {
        String frontend = demo.envoy().logging(FRONTEND).join();
        assertThat(frontend).startsWith("active loggers:\n  admin: warning\n  alternate_protocols_cache: warning\n");
        assertThat(frontend).contains("\n  http: debug\n", "\n  misc: error\n");
        assertThat(frontend.lines().count()).isGreaterThan(50);
        assertThat(demo.envoy().logging(CHECKOUT).join()).contains("\n  http: warning\n");
    }

    @Test
    void setLogLevelChangesLaterListings() {
        assertThat(demo.envoy().setLogLevel(CHECKOUT, "router", "trace").join()).contains("  router: trace\n");
        assertThat(demo.envoy().logging(CHECKOUT).join()).contains("  router: trace\n", "  http: warning\n");
        demo.envoy().setLogLevel(CHECKOUT, null, "warn").join();
        assertThat(demo.envoy().logging(CHECKOUT).join()).contains("  router: warning\n").doesNotContain(": trace");
        assertThatThrownBy(() -> demo.envoy().setLogLevel(CHECKOUT, null, "loud").join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(((SourceException) e).reason()).isEqualTo(SourceException.Reason.MALFORMED));
    }

    @Test
    void unknownPodAndPodWithoutProxyFailWithNotFound() {
        assertThatThrownBy(() -> demo.envoy().serverInfo(new PodRef("weather", "nope")).join())
                .cause().isInstanceOf(SourceException.class).hasMessage("pod weather/nope not found");
        assertThatThrownBy(() -> demo.envoy().configDump(LEGACY, false).join())
                .cause().hasMessage("pod legacy/legacy-batch-7c8d9f6b4-n2xjw has no istio-proxy container")
                .satisfies(e -> assertThat(((SourceException) e).reason()).isEqualTo(SourceException.Reason.NOT_FOUND));
    }

    @Test
    void gatewayHasAWarmingSecret() {
        JsonNode secrets = config(json(demo.envoy().configDump(GATEWAY, false).join()), "SecretsConfigDump");
        assertThat(secrets.path("dynamic_warming_secrets").get(0).path("name").asText()).isEqualTo("kubernetes://bookinfo-credential");
        assertThat(secrets.path("dynamic_active_secrets").findValuesAsText("inline_bytes")).contains(SecretGeneratorRedacted.VALUE);
    }

    @Test
    void checkoutWorkloadCertificateExpiresSoonAndOthersDoNot() throws Exception {
        X509Certificate checkout = workloadCert(CHECKOUT);
        assertThat(Duration.between(NOW, checkout.getNotAfter().toInstant())).isLessThan(Duration.ofHours(1));
        assertThat(checkout.getSubjectAlternativeNames().iterator().next().get(1))
                .isEqualTo("spiffe://cluster.local/ns/payments/sa/checkout");
        assertThat(Duration.between(NOW, workloadCert(FRONTEND).getNotAfter().toInstant())).isGreaterThan(Duration.ofHours(12));
        JsonNode certs = json(demo.envoy().certs(CHECKOUT).join());
        assertThat(certs.path("certificates").get(0).path("cert_chain").get(0).path("days_until_expiration").asText()).isEqualTo("0");
    }

    @Test
    void weatherBackendSingleTrustsAnOlderRootThatExpiresWithinAWeek() throws Exception {
        X509Certificate oldRoot = rootCert(BACKEND_SINGLE);
        X509Certificate root = rootCert(FRONTEND);
        assertThat(oldRoot.getSerialNumber()).isNotEqualTo(root.getSerialNumber());
        assertThat(Duration.between(NOW, oldRoot.getNotAfter().toInstant())).isLessThan(Duration.ofDays(7));
        workloadCert(BACKEND_SINGLE).verify(oldRoot.getPublicKey());
        workloadCert(FRONTEND).verify(root.getPublicKey());
        JsonNode certs = json(demo.envoy().certs(BACKEND_SINGLE).join());
        assertThat(certs.path("certificates").get(0).path("ca_cert").get(0).path("days_until_expiration").asInt()).isLessThan(7);
    }

    @Test
    void serverInfoStatsAndClusters() {
        JsonNode info = json(demo.envoy().serverInfo(RATINGS).join());
        assertThat(info.path("state").asText()).isEqualTo("LIVE");
        assertThat(info.path("version").asText()).contains("/1.36.2-dev/Clean/RELEASE/BoringSSL");
        assertThat(info.path("uptime_current_epoch").asText()).isEqualTo("1080s");
        String stats = demo.envoy().stats(RATINGS, "update_rejected").join();
        assertThat(stats).contains("listener_manager.lds.update_rejected: 3").doesNotContain("server.state");
        assertThat(demo.envoy().stats(CHECKOUT, null).join())
                .containsPattern("cluster.outbound\\|8080\\|\\|payments-api.payments.svc.cluster.local.upstream_rq_503: [1-9]");
        JsonNode clusters = json(demo.envoy().clusters(FRONTEND).join());
        assertThat(clusters.path("cluster_statuses").findValuesAsText("name"))
                .contains("outbound|5000|single|weather-backend.weather.svc.cluster.local", "xds-grpc");
    }

    private X509Certificate workloadCert(PodRef pod) throws Exception {
        return pem(secret(pod, "default").path("tls_certificate").path("certificate_chain").path("inline_bytes").asText());
    }

    private X509Certificate rootCert(PodRef pod) throws Exception {
        return pem(secret(pod, "ROOTCA").path("validation_context").path("trusted_ca").path("inline_bytes").asText());
    }

    private JsonNode secret(PodRef pod, String name) {
        JsonNode secrets = config(json(demo.envoy().configDump(pod, false).join()), "SecretsConfigDump");
        for (JsonNode s : secrets.path("dynamic_active_secrets")) {
            if (s.path("name").asText().equals(name)) {
                return s.path("secret");
            }
        }
        throw new AssertionError(name);
    }

    private static X509Certificate pem(String inlineBytes) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(inlineBytes)));
    }

    /** Envoy's redaction of private keys, base64 of "[redacted]". */
    private static final class SecretGeneratorRedacted {
        static final String VALUE = "W3JlZGFjdGVkXQ==";
    }
}
