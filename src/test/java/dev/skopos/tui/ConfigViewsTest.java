package dev.skopos.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.skopos.source.demo.DemoSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-proxy Envoy views on the demo mesh, tried the way an on-call engineer would. */
class ConfigViewsTest {

    private static Pilot pilot() {
        return new Pilot(new DemoSource(ShellTest.CLOCK), ShellTest.CLOCK, 140, 45, false);
    }

    private static List<String> rows(String screen) {
        return screen.lines().filter(l -> l.startsWith("│ ") && l.length() > 4)
                .map(l -> l.substring(1, l.length() - 1).strip()).filter(l -> !l.isEmpty()).skip(1).toList();
    }

    @Test
    void weatherFrontendHasATcpProxyOnPort5000AndNoWeightedRoute() {
        Pilot p = pilot().type("/weather-frontend\n").type("1").type("/5000\n");
        String screen = p.text();
        Golden.assertMatches("listeners-5000", screen);
        assertThat(screen).contains("listeners(weather-frontend-6d8f9c7b5-x2k9p)");
        assertThat(rows(screen)).anySatisfy(r -> assertThat(r).contains("5000").contains("TCP")
                .contains("Cluster: outbound|5000||weather-backend.weather.svc.cluster.local"));

        p.press(KeyType.Escape).type("2").type("/weather-backend\n");
        List<String> routes = rows(p.text());
        assertThat(routes).noneSatisfy(r -> assertThat(r).contains("%"));
    }

    @Test
    void drillingFollowsListenerToClusterToEndpoints() {
        Pilot p = pilot().type("/weather-frontend\n").type("1").type("/10.96.14.9\n").press(KeyType.Enter);
        String clusters = p.text();
        assertThat(clusters).contains("clusters(weather-frontend-6d8f9c7b5-x2k9p → outbound|5000||weather-backend");
        assertThat(rows(clusters)).hasSize(1).first().asString().contains("weather-backend.weather.svc.cluster.local");
        p.press(KeyType.Enter);
        String endpoints = p.text();
        assertThat(endpoints).contains("endpoints(");
        assertThat(rows(endpoints)).hasSize(2).allSatisfy(r -> assertThat(r).contains("HEALTHY")
                .contains("outbound|5000||weather-backend.weather.svc.cluster.local"));
        assertThat(p.row(43)).contains("listeners").contains("clusters").contains("endpoints");
    }

    @Test
    void clustersNameTheWinningDestinationRuleAndOOpensIt() {
        Pilot p = pilot().type("/productpage\n").type("3").type("/reviews\n");
        String screen = p.text();
        Golden.assertMatches("clusters-reviews", screen);
        assertThat(rows(screen)).isNotEmpty().allSatisfy(r -> assertThat(r).contains("reviews.bookinfo"));
        assertThat(screen).doesNotContain("reviews-legacy");
        p.type("o");
        assertThat(p.text()).contains("destinationrule reviews.bookinfo (yaml)").contains("kind: DestinationRule");
    }

    @Test
    void clustersWithoutADestinationRuleOpenTheirServiceEntryOrService() {
        Pilot p = pilot().type("/weather-frontend\n").type(":clusters --fqdn openweathermap --port 443\n").type("o");
        assertThat(p.text()).contains("serviceentry").contains("kind: ServiceEntry").contains("api.openweathermap.org");
        p.press(KeyType.Escape).press(KeyType.Escape).type(":clusters --fqdn weather-frontend --direction outbound\n")
                .type("o");
        assertThat(p.text()).contains("kind: Service").contains("name: weather-frontend");
    }

    @Test
    void theMtlsBrokenClientTalksPlaintextToPaymentsApi() {
        Pilot p = pilot().type("/checkout\n").type(":clusters --fqdn payments-api --direction outbound\n");
        List<String> rows = rows(p.text());
        assertThat(rows).hasSize(1).first().asString().contains("payments-api.payments").contains("none");
    }

    @Test
    void emptySubsetShowsZeroEndpointsInRed() {
        Pilot p = pilot().type("/productpage\n").type("3").type("/v3\n");
        assertThat(rows(p.text())).anySatisfy(r -> assertThat(r).contains("v3").endsWith(" 0"));
    }

    @Test
    void secretsShowWarmingAndExpiryWithoutKeys() {
        Pilot p = pilot().type("/ingressgateway\n").type("5");
        String screen = p.text();
        assertThat(screen).contains("WARMING").contains("kubernetes://bookinfo-credential");
        p.press(KeyType.Escape).press(KeyType.Escape).type("/checkout\n").type("5");
        screen = p.text();
        Golden.assertMatches("secrets-checkout", screen);
        assertThat(screen).contains("default").contains("ROOTCA").contains("spiffe://cluster.local/ns/payments/sa/checkout");
        p.type("y");
        assertThat(p.text()).contains("(json)").doesNotContain("PRIVATE KEY").doesNotContain("private_key\": {");
    }

    @Test
    void routesShowTheVirtualServiceAndWeightsWhereTheyExist() {
        Pilot p = pilot().type("/ingressgateway\n").type("2");
        String screen = p.text();
        assertThat(screen).contains("routes(istio-ingressgateway");
        assertThat(rows(screen)).anySatisfy(r -> assertThat(r).contains("http.8080"));
    }

    @Test
    void commandsTakeIstioctlFlagsAndAPodPrefix() {
        Pilot p = pilot().type(":listeners weather-frontend --port 5000\n");
        assertThat(p.text()).contains("listeners(weather-frontend-6d8f9c7b5-x2k9p → --port 5000)");
        assertThat(rows(p.text())).isNotEmpty().allSatisfy(r -> assertThat(r).contains("5000"));
        p.type(":clusters --bogus x\n");
        assertThat(p.text()).contains(":clusters: clusters has no --bogus filter");
        p.press(KeyType.Escape).type("?").type(":routes\n");
        assertThat(p.text()).contains("select a proxy first").doesNotContain("routes(");
        p.type(":ep nosuchpod\n");
        assertThat(p.text()).contains("no pod matches 'nosuchpod'");
    }

    @Test
    void bootstrapAndJsonDetail() {
        Pilot p = pilot().type("/weather-frontend\n").type("6");
        assertThat(p.text()).contains("bootstrap weather-frontend").contains("Node").contains("ISTIO_VERSION");
        p.type("3").type("y");
        assertThat(p.text()).contains("(json)").contains("\"name\":");
    }
}
