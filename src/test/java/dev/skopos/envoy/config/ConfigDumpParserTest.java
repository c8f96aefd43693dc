package dev.skopos.envoy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skopos.envoy.EnvoyParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigDumpParserTest {

    private static final Path CONFORMANCE = Path.of("../shared/conformance/proxy-config/current");

    private static String resource(String name) throws IOException {
        try (InputStream in = ConfigDumpParserTest.class.getResourceAsStream("/envoy/config/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsV2alphaDumpsWithUntypedFilterConfigs() throws IOException {
        ConfigDump dump = ConfigDumpParser.parse(resource("v2alpha_dump.json"), ParseOptions.FULL);

        assertThat(dump.bootstrap().istioVersion()).isEqualTo("1.1.7");
        assertThat(dump.bootstrap().envoyVersion()).isEqualTo("abc/1.11.0-dev/Clean/RELEASE/BoringSSL");
        assertThat(dump.clusters()).extracting(ClusterConfig::name)
                .containsExactly("outbound|9080|v1|reviews.default.svc.cluster.local", "zipkin");
        ClusterConfig reviews = dump.clusters().get(0);
        assertThat(reviews.key()).isEqualTo(new ClusterKey("outbound", 9080, "v1", "reviews.default.svc.cluster.local"));
        assertThat(reviews.tls().mode()).isEqualTo(ClusterConfig.ClusterTls.Mode.ISTIO_MUTUAL);
        assertThat(reviews.tls().sdsSecrets()).containsExactly("default", "ROOTCA");
        assertThat(dump.clusters().get(1).connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(dump.listeners()).extracting(ListenerConfig::name, ListenerConfig::state, ListenerConfig::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("0.0.0.0_9080", ListenerConfig.State.ACTIVE,
                                ListenerConfig.Type.HTTP),
                        org.assertj.core.groups.Tuple.tuple("10.0.0.1_3306", ListenerConfig.State.WARMING,
                                ListenerConfig.Type.TCP));
        assertThat(dump.listeners().get(0).filterChains().get(0).filters().get(0).httpConnectionManager()
                .rdsRouteConfigName()).isEqualTo("9080");
        assertThat(dump.has(Section.ROUTES)).isFalse();
        assertThat(dump.routes()).isEmpty();
    }

    @Test
    void leanParsesOnlyTheAskedSectionWithoutRawJson() throws IOException {
        ConfigDump dump = ConfigDumpParser.parse(resource("v2alpha_dump.json"), ParseOptions.only(Section.CLUSTERS));

        assertThat(dump.clusters()).hasSize(2).allSatisfy(c -> assertThat(c.raw()).isNull());
        assertThat(dump.listeners()).isEmpty();
        assertThat(dump.bootstrap()).isNull();
        assertThat(dump.present()).contains(Section.CLUSTERS, Section.LISTENERS, Section.BOOTSTRAP);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"configs\": [{\"@type\": \"type.googleapis.com/envoy.admin.v3.ClustersConfigDump\", \"dynamic_active_clusters\": [{}, {}, {}, 7]}]}"
                + "|config_dump: clusters: dynamic_active_clusters[3]: not an object",
        "{\"configs\": [{\"@type\": \"type.googleapis.com/envoy.admin.v3.ListenersConfigDump\", \"static_listeners\": [{\"listener\": {\"name\": \"a\""
                + "|config_dump: listeners: static_listeners[0]: truncated JSON",
        "[1, 2]|config_dump: expected a JSON object, got an array",
        "{\"configs\": [\"x\"]}|config_dump: configs[0]: not an object",
        "{\"configs\": [{\"@type\": \"type.googleapis.com/envoy.admin.v3.RoutesConfigDump\" oops|config_dump: routes: not JSON",
    })
    void failsWithOneLineNamingTheSection(String body, String message) {
        assertThatThrownBy(() -> ConfigDumpParser.parse(body, ParseOptions.FULL))
                .isInstanceOf(EnvoyParseException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void emptyAndUnknownDumpsParseToNothing() {
        assertThat(ConfigDumpParser.parse("{\"configs\": []}", ParseOptions.FULL).clusters()).isEmpty();
        ConfigDump d = ConfigDumpParser.parse("{\"configs\": [{\"@type\": \"type.googleapis.com/x.Y\", \"a\": 1}],"
                + " \"extra\": {\"b\": 2}}", ParseOptions.FULL);
        assertThat(d.present()).isEmpty();
    }

    @Test
    void typeNeedNotComeFirst() {
        ConfigDump d = ConfigDumpParser.parse("{\"configs\": [{\"static_clusters\": [{\"cluster\": {\"name\": \"x\"}}],"
                + " \"@type\": \"type.googleapis.com/envoy.admin.v3.ClustersConfigDump\"}]}", ParseOptions.FULL);
        assertThat(d.clusters()).extracting(ClusterConfig::name, ClusterConfig::discoveryType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("x", "STATIC"));
    }

    @Test
    void conformanceSecretsDecodeCertificatesAndDropKeys() throws IOException {
        Path file = CONFORMANCE.resolve("writer/envoy/configdump/testdata/secret/spire/config_dump.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file));
        ConfigDump dump;
        try (InputStream in = Files.newInputStream(file)) {
            dump = ConfigDumpParser.parse(in, ParseOptions.FULL);
        }
        SecretConfig leaf = dump.secrets().get(0);
        assertThat(leaf.kind()).isEqualTo(SecretConfig.Kind.CERT_CHAIN);
        assertThat(leaf.first().spiffeId()).startsWith("spiffe://east.local/");
        assertThat(leaf.first().trustDomain()).isEqualTo("east.local");
        assertThat(leaf.raw().toString()).doesNotContain("private_key");
        assertThat(dump.secrets().get(1).trustDomains()).extracting(SecretConfig.TrustDomainBundle::name)
                .containsExactly("east.local", "west.local");
    }

    @Test
    void conformanceFullDumpHasEveryKindOfListenerAddress() throws IOException {
        Path file = CONFORMANCE.resolve("proxyconfig/testdata/config_dump.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file));
        ConfigDump dump = ConfigDumpParser.parse(Files.readString(file), ParseOptions.LEAN);
        assertThat(dump.endpoints()).flatExtracting(EndpointConfig::endpoints)
                .extracting(e -> e.address().display())
                .contains("envoy://connect_originate/192.168.195.248:800", "127.0.0.1:15000");
        assertThat(dump.clusters()).anySatisfy(c -> assertThat(c.key()).isNotNull());
    }
}
