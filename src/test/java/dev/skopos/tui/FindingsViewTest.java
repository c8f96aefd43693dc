package dev.skopos.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.skopos.source.demo.DemoSource;
import org.junit.jupiter.api.Test;

/** PRODUCT.md's incidents as findings one key from the landing view, explained from Envoy. */
class FindingsViewTest {

    private static Pilot pilot() {
        return new Pilot(new DemoSource(ShellTest.CLOCK), ShellTest.CLOCK, 160, 50, false);
    }

    private static String joined(String screen) {
        return screen.replaceAll("[ │]*\\n[│ ]+", " ");
    }

    @Test
    void theLandingViewShowsTheWorstFindingsAndTheHeaderCountsThem() {
        String screen = pilot().text();
        assertThat(screen).contains("FINDINGS").contains("findings ").containsPattern("findings \\d+E \\d+W \\d+I");
        assertThat(screen).contains("Referenced gateway not found: \"bookinfos-gateway\"");
    }

    @Test
    void everyIncidentIsAFindingOneKeyAway() {
        String screen = new Pilot(new DemoSource(ShellTest.CLOCK), ShellTest.CLOCK, 160, 70, false).type("a").text();
        Golden.assertMatches("findings", screen);
        assertThat(screen)
                .contains("IST0101")             // VirtualService bound to bookinfos-gateway
                .contains("SKP0007")             // 90/10 on a port named backend (incident 1)
                .contains("SKP0001")             // two DestinationRules for reviews (incident 2)
                .contains("SKP0003")             // DISABLE against STRICT (incident 3)
                .contains("SKP0009")             // metrics without prometheus annotations (incident 4)
                .contains("IST0102")             // legacy namespace not injected (incident 5)
                .contains("SKP0016")             // subset selecting no pods (incident 5)
                .contains("SKP0017")             // ratings-v1 rejected its listener push (incident 6)
                .contains("SKP0018")             // details-v1 stale (incident 6)
                .contains("SKP0019")             // istiod 11 vs 3 (incident 6)
                .contains("SKP0020")             // certificates near expiry (incident 7)
                .contains("SKP0021")             // gateway secret warming (incident 7)
                .contains("SKP0022")             // a root CA that differs (incident 7)
                .contains("SKP0011");            // app starting before the proxy (incident 8)
    }

    @Test
    void theNinetyTenIncidentIsProvedFromTheFrontendsListener() {
        Pilot p = pilot().type("a").type("/SKP0007\n").press(KeyType.Enter);
        String screen = joined(p.text());
        assertThat(screen).contains("WHY, FROM ENVOY'S CONFIGURATION").contains("TCP proxy").contains("never apply");
        assertThat(screen).contains("✗ weather-frontend-6d8f9c7b5-x2k9p.weather")
                .contains("tcp_proxy → outbound|5000||weather-backend.weather.svc.cluster.local");
        assertThat(screen).contains("name: backend");
        assertThat(screen).contains("Fix");
        p.type("1").type("/10.96.14.9\n");
        assertThat(p.text()).containsPattern("listeners\\((respy|weather-frontend)-").contains("TCP")
                .contains("Cluster: outbound|5000||weather-backend.weather.svc.cluster.local");
    }

    @Test
    void objectsAndProxiesShowTheirOwnFindings() {
        Pilot p = pilot().type("/weather-backend-single\n").press(KeyType.Enter);
        assertThat(joined(p.text())).contains("FINDINGS").contains("SKP0009");
        p.press(KeyType.Escape).press(KeyType.Escape).type("/productpage\n").type("3").type("/reviews\n").type("o");
        assertThat(joined(p.text())).contains("destinationrule reviews.bookinfo (yaml)").contains("SKP0016");
    }

    @Test
    void theMtls503IsProvedFromBothSides() {
        Pilot p = pilot().type("a").type("/SKP0003\n").press(KeyType.Enter);
        String screen = joined(p.text());
        assertThat(screen).contains("plaintext").contains("only accepts mTLS").contains("mTLS required (STRICT)");
    }

    @Test
    void theLosingDestinationRuleIsProvedFromClusterMetadata() {
        Pilot p = pilot().type("a").type("/SKP0001\n").press(KeyType.Enter);
        assertThat(joined(p.text())).contains("Envoy applied DestinationRule bookinfo/reviews, not bookinfo/reviews-legacy");
        p.type("y");
        assertThat(p.text()).contains("kind: DestinationRule").contains("name: reviews-legacy");
    }
}
