package dev.skopos.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.envoy.config.ClusterConfig;
import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.envoy.config.ConfigDumpParser;
import dev.skopos.envoy.config.ListenerConfig;
import dev.skopos.envoy.config.ParseOptions;
import dev.skopos.envoy.config.RouteConfig;
import dev.skopos.envoy.config.Section;
import dev.skopos.render.istioctl.ClusterTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bench's dump must stay a dump skopos reads in full: if the generator drifts from Envoy's
 * shape (a renamed field, a wrapper lost), these counts drop and the bench would time nothing.
 */
class SyntheticDumpTest {

    private static final SyntheticDump.Counts COUNTS = SyntheticDump.Counts.at(0.02);
    private static byte[] bytes;
    private static ConfigDump dump;

    @BeforeAll
    static void generate() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticDump.write(out, COUNTS);
        bytes = out.toByteArray();
        dump = ConfigDumpParser.parse(new ByteArrayInputStream(bytes), ParseOptions.LEAN);
    }

    @Test
    void scaleTwoPercentIsTwoHundredClusters() {
        assertThat(COUNTS).isEqualTo(new SyntheticDump.Counts(200, 100, 100, 2));
    }

    @Test
    void leanParseCountsExactlyWhatWasGenerated() {
        assertThat(dump.present()).containsExactlyInAnyOrder(Section.BOOTSTRAP, Section.CLUSTERS, Section.LISTENERS,
                Section.ROUTES, Section.SECRETS);
        assertThat(dump.clusters()).hasSize(COUNTS.clusters());
        assertThat(dump.listeners()).hasSize(COUNTS.listeners());
        assertThat(dump.routes()).hasSize(COUNTS.routes());
        assertThat(dump.secrets()).hasSize(COUNTS.secrets());
        assertThat(dump.bootstrap().istioVersion()).isEqualTo("1.27.3");
    }

    @Test
    void clustersCarryIstioNamesMetadataAndAutoMtls() {
        Set<String> names = dump.clusters().stream().map(ClusterConfig::name).collect(Collectors.toSet());
        assertThat(names).hasSize(COUNTS.clusters()).contains("BlackHoleCluster", "xds-grpc",
                "outbound|80||svc-0.ns-0.svc.cluster.local", "outbound|80|v1|svc-0.ns-0.svc.cluster.local");
        ClusterConfig subset = dump.clusters().stream()
                .filter(c -> c.name().equals("outbound|80|v1|svc-0.ns-0.svc.cluster.local")).findFirst().orElseThrow();
        assertThat(subset.discoveryType()).isEqualTo("EDS");
        assertThat(subset.edsServiceName()).isEqualTo(subset.name());
        assertThat(subset.destinationRule()).isEqualTo("/apis/networking.istio.io/v1/namespaces/ns-0/destination-rule/svc-0");
        assertThat(subset.tls().mode()).isEqualTo(ClusterConfig.ClusterTls.Mode.ISTIO_MUTUAL);
        assertThat(subset.tls().auto()).isTrue();
        assertThat(subset.circuitBreakers().maxConnections()).isEqualTo(4294967295L);
        assertThat(subset.outlierDetection()).isNotNull();
    }

    @Test
    void listenersMixHttpWithRdsAndTcpProxies() {
        assertThat(dump.listeners()).extracting(ListenerConfig::type)
                .contains(ListenerConfig.Type.TCP, ListenerConfig.Type.HTTP_TCP);
        assertThat(dump.listeners()).allSatisfy(l -> assertThat(l.filterChains()).isNotEmpty());
        Set<String> routeNames = dump.routes().stream().map(RouteConfig::name).collect(Collectors.toSet());
        // Every RDS name a listener asks for is a route config of the dump.
        assertThat(dump.listeners().stream().flatMap(l -> l.filterChains().stream())
                .flatMap(c -> c.filters().stream()).filter(f -> f.httpConnectionManager() != null)
                .map(f -> f.httpConnectionManager().rdsRouteConfigName())).isNotEmpty().allMatch(routeNames::contains);
    }

    @Test
    void someRoutesSplitTraffic() {
        assertThat(dump.routes().stream().flatMap(r -> r.virtualHosts().stream())
                .flatMap(v -> v.routes().stream()).filter(r -> r.action().weightedClusters().size() == 2)).isNotEmpty();
    }

    @Test
    void theTableHasOneRowPerCluster() {
        String table = ClusterTable.summary(dump.clusters(), ClusterTable.Filter.NONE, false);
        assertThat(table.lines()).hasSize(COUNTS.clusters() + 1);
    }

    @Test
    void sameCountsSameBytes() throws IOException {
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        SyntheticDump.write(again, COUNTS);
        assertThat(again.toByteArray()).isEqualTo(bytes);
    }
}
