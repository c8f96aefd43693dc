package dev.skopos.source.demo;

import static dev.skopos.source.demo.DemoFixture.CHECKOUT;
import static dev.skopos.source.demo.DemoFixture.FRONTEND;
import static dev.skopos.source.demo.DemoFixture.GATEWAY;
import static dev.skopos.source.demo.DemoFixture.PRODUCTPAGE;
import static dev.skopos.source.demo.DemoFixture.cluster;
import static dev.skopos.source.demo.DemoFixture.config;
import static dev.skopos.source.demo.DemoFixture.find;
import static dev.skopos.source.demo.DemoFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.source.PodRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoEnvoyConfigTest {

    private final DemoSource demo = DemoFixture.source();

    private JsonNode dump(PodRef pod, boolean eds) {
        return json(demo.envoy().configDump(pod, eds).join());
    }

    @Test
    void everyConfigDumpIsJsonWithTheExpectedTypes() {
        for (var pod : demo.mesh().proxies()) {
            JsonNode dump = dump(pod.ref(), true);
            assertThat(dump.path("configs").findValuesAsText("@type").subList(0, 0)).isEmpty();
            List<String> types = new java.util.ArrayList<>();
            dump.path("configs").forEach(c -> types.add(c.path("@type").asText()));
            assertThat(types).as(pod.name()).containsExactly(
                    "type.googleapis.com/envoy.admin.v3.BootstrapConfigDump",
                    "type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
                    "type.googleapis.com/envoy.admin.v3.EndpointsConfigDump",
                    "type.googleapis.com/envoy.admin.v3.ListenersConfigDump",
                    "type.googleapis.com/envoy.admin.v3.ScopedRoutesConfigDump",
                    "type.googleapis.com/envoy.admin.v3.RoutesConfigDump",
                    "type.googleapis.com/envoy.admin.v3.SecretsConfigDump");
            assertThat(dump(pod.ref(), false).path("configs").toString()).doesNotContain("EndpointsConfigDump");
        }
    }

    @Test
    void frontendHasATcpProxyOnPort5000AndNoWeightedClusters() {
        JsonNode dump = dump(FRONTEND, false);
        JsonNode listeners = config(dump, "ListenersConfigDump");
        List<JsonNode> tcp = find(listeners, n -> n.path("name").asText().equals("envoy.filters.network.tcp_proxy")
                && n.path("typed_config").path("cluster").asText().equals("outbound|5000||weather-backend.weather.svc.cluster.local"));
        assertThat(tcp).hasSize(1);
        JsonNode listener = find(listeners, n -> n.path("name").asText().equals("10.96.14.9_5000") && n.has("address")).get(0);
        assertThat(listener.path("address").path("socket_address").path("port_value").asInt()).isEqualTo(5000);
        assertThat(dump.toString()).doesNotContain("weighted_clusters");
        assertThat(find(config(dump, "RoutesConfigDump"), n -> n.path("name").asText().startsWith("weather-backend"))).isEmpty();
    }

    @Test
    void reviewsClustersNameTheWinningDestinationRuleAndOnlyItsSubsets() {
        JsonNode dump = dump(PRODUCTPAGE, false);
        for (String subset : List.of("", "v1", "v2", "v3")) {
            JsonNode c = cluster(dump, "outbound|9080|" + subset + "|reviews.bookinfo.svc.cluster.local");
            assertThat(c.path("metadata").path("filter_metadata").path("istio").path("config").asText())
                    .isEqualTo("/apis/networking.istio.io/v1/namespaces/bookinfo/destination-rule/reviews");
            assertThat(c.path("lb_policy").asText()).isEqualTo("LEAST_REQUEST");
        }
        assertThat(dump.toString()).doesNotContain("reviews-legacy").doesNotContain("legacy\"");
    }

    @Test
    void checkoutTalksPlaintextToPaymentsApiWhileOtherClustersUseIstioTls() {
        JsonNode dump = dump(CHECKOUT, false);
        JsonNode api = cluster(dump, "outbound|8080||payments-api.payments.svc.cluster.local");
        assertThat(api.has("transport_socket")).isFalse();
        assertThat(api.has("transport_socket_matches")).isFalse();
        JsonNode ledger = cluster(dump, "outbound|8080||ledger.payments.svc.cluster.local");
        assertThat(ledger.toString()).contains("envoy.transport_sockets.tls", "UpstreamTlsContext", "\"ROOTCA\"", "\"default\"");
        JsonNode weather = cluster(dump, "outbound|5000|single|weather-backend.weather.svc.cluster.local");
        assertThat(weather.path("transport_socket").path("name").asText()).isEqualTo("envoy.transport_sockets.tls");
    }

    @Test
    void subsetWithoutPodsHasNoEndpoints() {
        JsonNode eds = config(dump(PRODUCTPAGE, true), "EndpointsConfigDump");
        JsonNode v3 = find(eds, n -> n.path("cluster_name").asText().equals("outbound|9080|v3|reviews.bookinfo.svc.cluster.local")).get(0);
        assertThat(v3.path("endpoints").isMissingNode() || v3.path("endpoints").isEmpty()).isTrue();
        JsonNode v2 = find(eds, n -> n.path("cluster_name").asText().equals("outbound|9080|v2|reviews.bookinfo.svc.cluster.local")).get(0);
        assertThat(v2.toString()).contains("\"address\":\"10.244.2.23\"").doesNotContain("10.244.3.17");
        JsonNode clusters = json(demo.envoy().clusters(PRODUCTPAGE).join());
        JsonNode status = find(clusters, n -> n.path("name").asText().equals("outbound|9080|v3|reviews.bookinfo.svc.cluster.local")).get(0);
        assertThat(status.has("host_statuses")).isFalse();
    }

    @Test
    void gatewayRoutesComeFromBoundVirtualServicesOnly() {
        JsonNode dump = dump(GATEWAY, false);
        JsonNode listeners = config(dump, "ListenersConfigDump");
        assertThat(find(listeners, n -> n.path("name").asText().equals("0.0.0.0_8080"))).isNotEmpty();
        JsonNode routes = config(dump, "RoutesConfigDump");
        JsonNode http = find(routes, n -> n.path("name").asText().equals("http.8080") && n.has("virtual_hosts")).get(0);
        assertThat(http.path("virtual_hosts").findValuesAsText("name")).contains("weather.example.com:80");
        assertThat(routes.toString()).doesNotContain("bookinfo.example.com:80");
    }

    @Test
    void bootstrapNodeIsRealistic() {
        JsonNode node = config(dump(FRONTEND, false), "BootstrapConfigDump").path("bootstrap").path("node");
        assertThat(node.path("id").asText()).isEqualTo("sidecar~10.244.1.7~weather-frontend-6d8f9c7b5-x2k9p.weather~weather.svc.cluster.local");
        assertThat(node.path("metadata").path("ISTIO_VERSION").asText()).isEqualTo("1.27.3");
        assertThat(node.path("metadata").path("CLUSTER_ID").asText()).isEqualTo("Kubernetes");
        assertThat(node.path("metadata").path("LABELS").path("app").asText()).isEqualTo("weather-frontend");
    }

    @Test
    void answersAreDeterministicForAFixedClock() {
        assertThat(demo.envoy().configDump(CHECKOUT, true).join())
                .isEqualTo(DemoFixture.source().envoy().configDump(CHECKOUT, true).join());
    }
}
