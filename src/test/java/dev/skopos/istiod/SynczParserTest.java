package dev.skopos.istiod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.skopos.source.IstiodInstance;
import dev.skopos.source.PodRef;
import dev.skopos.source.SynczAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SynczParserTest {

    private static final IstiodInstance ISTIOD =
            new IstiodInstance(new PodRef("istio-system", "istiod-old-5c9d"), "default", "1.20.3");

    @ParameterizedTest
    @ValueSource(strings = {"multi-pilot", "single-pilot", "single-proxy", "namespace-foo"})
    void everyConformanceCaseParses(String caseName) {
        List<ProxySync> syncs = ConformanceInputs.parseAndMerge(caseName);

        assertThat(syncs).isNotEmpty().allSatisfy(s -> {
            assertThat(s.proxyId()).startsWith("proxy");
            assertThat(s.istiod()).startsWith("istiod");
            assertThat(s.types()).extracting(TypeSync::shortName).containsExactly("CDS", "LDS", "EDS", "RDS", "ECDS");
        });
    }

    /** Reads istioctl's expected table back into cells and checks each proxy against what we parsed. */
    @ParameterizedTest
    @CsvSource({"multi-pilot, multiXdsStatusMultiPilot.txt", "single-pilot, multiXdsStatusSinglePilot.txt"})
    void agreesWithTheTableIstioctlPrinted(String caseName, String expectedFile) {
        List<ProxySync> syncs = ConformanceInputs.parseAndMerge(caseName);
        List<String[]> rows = ConformanceInputs.expected(expectedFile).lines().skip(1)
                .map(l -> l.split(" {2,}")).toList();

        assertThat(syncs).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            ProxySync s = syncs.get(i);
            assertThat(new String[] {s.proxyId(), s.clusterId(), s.istiod(), s.istioVersion(),
                    ProxyStatusTable.subscribed(s)}).containsExactly(row);
        }
    }

    @Test
    void agreesWithTheVerboseTableStates() {
        ProxySync proxy = ConformanceInputs.parseAndMerge("single-proxy").get(0);
        List<String> lines = ConformanceInputs.expected("multiXdsStatusMultiPilot_verbose.txt").lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split(" {2,}"));
        List<String> cells = Arrays.asList(lines.get(1).split(" {2,}"));

        Map<String, String> states = proxy.types().stream()
                .collect(Collectors.toMap(TypeSync::shortName, t -> t.state().label()));
        for (String type : List.of("CDS", "ECDS", "EDS", "LDS", "RDS")) {
            assertThat(states.get(type)).as(type).isEqualTo(cells.get(header.indexOf(type)));
        }
    }

    @Test
    void mapsStatusesIncludingOmittedAndNacked() {
        List<ProxySync> syncs = SynczParser.parse(new SynczAnswer(ISTIOD, SynczAnswer.Format.XDS,
                resource("syncz_xds_nack.json")));

        ProxySync s = syncs.get(0);
        assertThat(syncs).hasSize(1);
        assertThat(s.proxyId()).isEqualTo("reviews-v2-5b667bcbf8-9xk2m.bookinfo");
        assertThat(s.istiod()).isEqualTo("istiod-7d4f74889d-mb5dh");
        assertThat(s.clusterId()).isEqualTo("Kubernetes");
        assertThat(s.istioVersion()).isEqualTo("1.27.3");
        assertThat(s.types()).extracting(TypeSync::shortName, TypeSync::state).containsExactly(
                tuple("CDS", SyncState.STALE),
                tuple("LDS", SyncState.ERROR),
                tuple("EDS", SyncState.NOT_SENT),
                tuple("RDS", SyncState.SYNCED),
                tuple("ProxyConfig", SyncState.SYNCED),
                tuple("SDS", SyncState.IGNORED));
        assertThat(s.types().get(0).lastUpdated()).isEqualTo(Instant.parse("2025-11-27T09:40:00.250Z"));
        assertThat(s.types().get(1).errorDetails()).startsWith("Error adding/updating listener(s) 0.0.0.0_9080");
        assertThat(s.types().get(2).lastUpdated()).isNull();
        assertThat(s.overall()).isEqualTo(SyncState.ERROR);
    }

    @Test
    void fallsBackToTheReplicaNameWithoutAnIdentifier() {
        String body = """
                {"resources": [{"@type": "type.googleapis.com/envoy.service.status.v3.ClientConfig",
                                "node": {"id": "a.ns"}}]}
                """;

        assertThat(SynczParser.parse(new SynczAnswer(ISTIOD, SynczAnswer.Format.XDS, body)))
                .singleElement().satisfies(s -> {
                    assertThat(s.istiod()).isEqualTo("istiod-old-5c9d");
                    assertThat(s.types()).isEmpty();
                    assertThat(s.clusterId()).isEmpty();
                });
    }

    @Test
    void readsTheOlderHttpFormat() {
        List<ProxySync> syncs = SynczParser.parse(new SynczAnswer(ISTIOD, SynczAnswer.Format.HTTP,
                resource("syncz_http.json")));

        assertThat(syncs).extracting(ProxySync::proxyId, ProxySync::istiod, ProxySync::istioVersion).containsExactly(
                tuple("istio-ingressgateway-6b7b6d9c4-2kq8p.istio-system", "istiod-old-5c9d", "1.20.3"),
                tuple("legacy-7f9c8d7b6-abcde.default", "istiod-old-5c9d", "1.1.17*"),
                tuple("productpage-v1-54bb874995-x7n2k.bookinfo", "istiod-old-5c9d", "1.20.3"),
                tuple("ztunnel-x8f2k.istio-system", "istiod-old-5c9d", "1.20.3"));
        assertThat(statuses(syncs.get(0))).isEqualTo("SYNCED,STALE (Never Acknowledged),SYNCED,SYNCED,NOT SENT");
        assertThat(statuses(syncs.get(1))).isEqualTo("SYNCED,NOT SENT,NOT SENT,NOT SENT,NOT SENT");
        assertThat(statuses(syncs.get(2))).isEqualTo("SYNCED,SYNCED,SYNCED,STALE,NOT SENT");
        assertThat(statuses(syncs.get(3))).isEqualTo("IGNORED,IGNORED,IGNORED,IGNORED,IGNORED");
        assertThat(syncs.get(0).types().get(1).state()).isEqualTo(SyncState.STALE);
        assertThat(syncs.get(2).types()).extracting(TypeSync::typeUrl).contains(XdsTypes.ROUTE);
    }

    @Test
    void emptyHttpListMeansNoProxies() {
        assertThat(SynczParser.parse(new SynczAnswer(ISTIOD, SynczAnswer.Format.HTTP, "[]"))).isEmpty();
        assertThat(SynczParser.parse(new SynczAnswer(ISTIOD, SynczAnswer.Format.HTTP, "null"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "XDS  | {\"resources\": [        | istiod-old-5c9d syncz (xds): not JSON (",
            "XDS  | []                       | istiod-old-5c9d syncz (xds): expected a DiscoveryResponse object",
            "HTTP | {\"proxy\": \"a\"}       | istiod-old-5c9d syncz (http): expected a JSON list of proxies",
            "HTTP | ''                       | istiod-old-5c9d syncz (http): empty answer",
    })
    void malformedAnswersFailWithOneLine(SynczAnswer.Format format, String body, String message) {
        assertThatThrownBy(() -> SynczParser.parse(new SynczAnswer(ISTIOD, format, body)))
                .isInstanceOf(SynczParseException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @CsvSource({
            "sidecar~10.1.1.1~pod.ns~ns.svc.cluster.local, pod.ns",
            "pod.ns, pod.ns",
            "proxy1, proxy1",
            "'', ''",
    })
    void proxyIdIsTheThirdNodeIdField(String nodeId, String proxyId) {
        assertThat(SynczParser.proxyId(nodeId)).isEqualTo(proxyId);
    }

    @ParameterizedTest
    @CsvSource({
            "type.googleapis.com/envoy.config.cluster.v3.Cluster, CDS",
            "type.googleapis.com/envoy.config.core.v3.TypedExtensionConfig, ECDS",
            "type.googleapis.com/istio.workload.Address, WDS",
            "type.googleapis.com/istio.mesh.v1alpha1.ProxyConfig, ProxyConfig",
            "istio.io/debug/syncz, syncz",
    })
    void shortNames(String typeUrl, String shortName) {
        assertThat(XdsTypes.shortName(typeUrl)).isEqualTo(shortName);
    }

    private static String statuses(ProxySync s) {
        return s.types().stream().map(t -> t.detail() != null ? t.detail() : t.state().label())
                .collect(Collectors.joining(","));
    }

    static String resource(String name) {
        try (InputStream in = SynczParserTest.class.getResourceAsStream("/istiod/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
