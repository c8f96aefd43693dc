package dev.skopos.envoy;

import static dev.skopos.envoy.ServerInfoParserTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertsParserTest {

    @Test
    void readsCaAndChainCertificatesOfEveryContext() {
        List<CertificateInfo> certs = CertsParser.parse(resource("certs.json"));

        assertThat(certs).extracting(CertificateInfo::serialNumber, CertificateInfo::ca).containsExactly(
                org.assertj.core.groups.Tuple.tuple("4fb6d1ab7e2c35b8e0a1f3c2d9e8b7a6", true),
                org.assertj.core.groups.Tuple.tuple("9a3c6e2f1b0d4c7a8e5f2d1c0b9a8e7d", false),
                org.assertj.core.groups.Tuple.tuple("1d", false));

        CertificateInfo workload = certs.get(1);
        assertThat(workload.path()).isEqualTo("<inline>");
        assertThat(workload.subjectAltNames()).containsExactly("spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage");
        assertThat(workload.validFrom()).isEqualTo(Instant.parse("2025-11-27T10:15:30Z"));
        assertThat(workload.expiration()).isEqualTo(Instant.parse("2025-11-28T10:15:30Z"));
        assertThat(workload.daysUntilExpiration()).isZero();

        CertificateInfo gateway = certs.get(2);
        assertThat(gateway.subjectAltNames())
                .containsExactly("bookinfo.example.com", "*.bookinfo.example.com", "203.0.113.10");
        assertThat(gateway.daysUntilExpiration()).isEqualTo(12);
        assertThat(gateway.expiration()).isEqualTo(Instant.parse("2025-12-10T00:00:00.500Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"3640\" | 3640",
            "3640     | 3640",
            "\"-2\"   | -2",
            "\"soon\" | 0",
            "null     | 0",
    })
    void daysUntilExpirationMayBeAStringOrANumber(String json, long expected) {
        String body = "{\"certificates\":[{\"cert_chain\":[{\"serial_number\":\"1\",\"days_until_expiration\":" + json + "}]}]}";

        assertThat(CertsParser.parse(body)).singleElement()
                .extracting(CertificateInfo::daysUntilExpiration).isEqualTo(expected);
    }

    @Test
    void missingFieldsGiveEmptyValues() {
        CertificateInfo cert = CertsParser.parse("{\"certificates\":[{\"ca_cert\":[{}]}]}").get(0);

        assertThat(cert).isEqualTo(new CertificateInfo("", "", List.of(), null, null, 0, true));
    }

    @Test
    void noCertificatesIsAnEmptyList() {
        assertThat(CertsParser.parse("{\"certificates\":[]}")).isEmpty();
        assertThat(CertsParser.parse("{}")).isEmpty();
    }

    @Test
    void notJsonNamesTheEndpoint() {
        assertThatThrownBy(() -> CertsParser.parse("<html>"))
                .isInstanceOf(EnvoyParseException.class)
                .hasMessageStartingWith("certs: not JSON (");
    }
}
