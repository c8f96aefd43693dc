package dev.skopos.envoy.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.PodRef;
import dev.skopos.source.demo.DemoSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The parser on the demo mesh's dumps, which encode the demo's incidents. */
class DemoConfigDumpTest {

    private static DemoSource demo;

    @BeforeAll
    static void open() {
        demo = DemoSource.create();
    }

    @AfterAll
    static void close() {
        demo.close();
    }

    private static ConfigDump dump(String namespace, String pod) {
        return ConfigDumpParser.parse(demo.envoy().configDump(new PodRef(namespace, pod), true).join(),
                ParseOptions.FULL);
    }

    @Test
    void weatherFrontendReachesTheBackendOverTcpOnlySoNoWeightsApply() {
        ConfigDump d = dump("weather", "weather-frontend-6d8f9c7b5-x2k9p");
        List<ListenerConfig> port5000 = d.listeners().stream().filter(l -> l.port() == 5000).toList();
        assertThat(port5000).anySatisfy(l -> assertThat(l.type()).isEqualTo(ListenerConfig.Type.TCP));
        assertThat(port5000).filteredOn(l -> l.type() == ListenerConfig.Type.TCP)
                .allSatisfy(l -> assertThat(l.filterChains()).flatExtracting(ListenerConfig.FilterChain::filters)
                        .extracting(f -> f.tcpProxy().cluster())
                        .allMatch(c -> c.contains("weather-backend")));
        assertThat(d.routes()).flatExtracting(RouteConfig::virtualHosts).flatExtracting(RouteConfig.VirtualHost::routes)
                .noneMatch(r -> r.action().kind() == RouteConfig.RouteAction.Kind.WEIGHTED
                        && r.action().weightedClusters().stream().anyMatch(w -> w.name().contains("weather-backend")));
    }

    @Test
    void productpageReviewsClustersNameTheWinningDestinationRule() {
        ConfigDump d = dump("bookinfo", "productpage-v1-7f9d8c6b5-4xk2m");
        List<ClusterConfig> reviews = d.clusters().stream()
                .filter(c -> c.key() != null && c.key().fqdn().startsWith("reviews.")).toList();
        assertThat(reviews).isNotEmpty()
                .allSatisfy(c -> assertThat(c.destinationRule()).endsWith("/reviews"));
    }

    @Test
    void checkoutTalksToPaymentsApiWithoutTls() {
        ConfigDump d = dump("payments", "checkout-7d6f8c9b5-mk3xp");
        List<ClusterConfig> api = d.clusters().stream()
                .filter(c -> c.key() != null && c.key().fqdn().startsWith("payments-api.")
                        && c.key().direction().equals("outbound"))
                .toList();
        assertThat(api).isNotEmpty()
                .allSatisfy(c -> assertThat(c.tls().mode()).isEqualTo(ClusterConfig.ClusterTls.Mode.NONE));
    }

    @Test
    void demoSecretsAndEndpointsParse() {
        ConfigDump d = dump("bookinfo", "productpage-v1-7f9d8c6b5-4xk2m");
        assertThat(d.secrets()).extracting(SecretConfig::name).contains("default", "ROOTCA");
        assertThat(d.secrets()).filteredOn(s -> s.name().equals("default"))
                .allSatisfy(s -> assertThat(s.first().spiffeId()).startsWith("spiffe://"));
        assertThat(d.endpoints()).isNotEmpty();
        assertThat(d.bootstrap().istioVersion()).isNotEmpty();
        List<ClusterStatus> live = ClustersJsonParser.parse(
                demo.envoy().clusters(new PodRef("bookinfo", "productpage-v1-7f9d8c6b5-4xk2m")).join(), false);
        assertThat(live).isNotEmpty().allSatisfy(c -> assertThat(c.raw()).isNull());
    }
}
