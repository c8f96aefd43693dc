package dev.skopos.source.demo.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateBuilderTest {

    private static final Instant NOW = Instant.parse("2025-11-27T12:00:00Z");

    @Test
    void workloadCertificateParsesCarriesTheSpiffeSanAndVerifiesWithTheCaKey() throws Exception {
        DemoPki pki = new DemoPki(NOW);
        DemoPki.Issued issued = pki.workload("a", "spiffe://cluster.local/ns/weather/sa/weather-frontend",
                NOW.minus(Duration.ofHours(2)), Duration.ofHours(24), pki.current());

        String pem = new String(Base64.getDecoder().decode(DemoPki.inlineBytes(issued.certificate())), StandardCharsets.US_ASCII);
        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));

        assertThat(parsed.getSubjectAlternativeNames())
                .containsExactly(List.of(6, "spiffe://cluster.local/ns/weather/sa/weather-frontend"));
        assertThat(parsed.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(22)));
        assertThat(parsed.getBasicConstraints()).isEqualTo(-1);
        assertThat(parsed.getIssuerX500Principal().getName()).isEqualTo("O=cluster.local");
        parsed.verify(pki.current().keys().getPublic());
        parsed.checkValidity(java.util.Date.from(NOW));
    }

    @Test
    void rootsAreSelfSignedCasAndThePreviousOneExpiresInFiveDays() throws Exception {
        DemoPki pki = new DemoPki(NOW);
        X509Certificate root = pki.current().certificate();
        root.verify(root.getPublicKey());
        assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(Duration.between(NOW, pki.previous().certificate().getNotAfter().toInstant())).isEqualTo(Duration.ofDays(5));
    }

    @Test
    void sameClockGivesTheSameBytes() throws Exception {
        DemoPki a = new DemoPki(NOW);
        DemoPki b = new DemoPki(NOW);
        assertThat(a.current().certificate().getEncoded()).isEqualTo(b.current().certificate().getEncoded());
        assertThat(DemoPki.pem(a.workload("x", "spiffe://cluster.local/ns/a/sa/b", NOW, Duration.ofHours(1), a.current()).certificate()))
                .isEqualTo(DemoPki.pem(b.workload("x", "spiffe://cluster.local/ns/a/sa/b", NOW, Duration.ofHours(1), b.current()).certificate()));
    }
}
