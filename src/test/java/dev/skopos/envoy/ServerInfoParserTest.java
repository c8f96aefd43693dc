package dev.skopos.envoy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerInfoParserTest {

    @Test
    void readsTheFieldsOfAnIstioSidecar() {
        ServerInfo info = ServerInfoParser.parse(resource("server_info.json"));

        assertThat(info.envoyVersion()).startsWith("0c8c3e6a").endsWith("/1.36.2-dev/Clean/RELEASE/BoringSSL");
        assertThat(info.state()).isEqualTo("LIVE");
        assertThat(info.uptimeCurrentEpoch()).isEqualTo(Duration.ofHours(1));
        assertThat(info.uptimeAllEpochs()).isEqualTo(Duration.ofSeconds(90061, 500_000_000));
        assertThat(info.nodeId()).isEqualTo(
                "sidecar~10.244.0.12~productpage-v1-54bb874995-x7n2k.bookinfo~bookinfo.svc.cluster.local");
        assertThat(info.istioVersion()).isEqualTo("1.27.3");
        assertThat(info.clusterId()).isEqualTo("Kubernetes");
    }

    @Test
    void missingMetadataGivesEmptyStrings() {
        ServerInfo info = ServerInfoParser.parse(resource("server_info_initializing.json"));

        assertThat(info.state()).isEqualTo("INITIALIZING");
        assertThat(info.uptimeCurrentEpoch()).isEqualTo(Duration.ofSeconds(12));
        assertThat(info.istioVersion()).isEmpty();
        assertThat(info.clusterId()).isEmpty();
    }

    @Test
    void emptyObjectGivesZeroValues() {
        ServerInfo info = ServerInfoParser.parse("{}");

        assertThat(info).isEqualTo(new ServerInfo("", "", Duration.ZERO, Duration.ZERO, "", "", ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "x                   | server_info: not JSON (Unrecognized token 'x' at line 1)",
            "{x                  | server_info: not JSON (Unexpected character 'x' at line 1)",
            "{\"state\": \"LIVE\" | server_info: not JSON (Unexpected end-of-input",
            "[1,2]               | server_info: expected a JSON object, got array",
            "'   '               | server_info: empty answer",
    })
    void malformedAnswersFailWithOneLineNamingTheEndpoint(String body, String messageStart) {
        assertThatThrownBy(() -> ServerInfoParser.parse(body))
                .isInstanceOf(EnvoyParseException.class)
                .hasMessageStartingWith(messageStart)
                .hasMessageNotContaining("\n");
    }

    @Test
    void notJsonMessageNamesTheLine() {
        assertThatThrownBy(() -> ServerInfoParser.parse("{\n\"a\": 1,\n x}"))
                .hasMessageContaining("at line 3");
    }

    static String resource(String name) {
        try (InputStream in = ServerInfoParserTest.class.getResourceAsStream("/envoy/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
