package dev.skopos.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.skopos.istiod.ControlzScopes;
import dev.skopos.source.demo.DemoSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sync, diffs and istiod on the demo mesh: "is the config even reaching the proxy?" */
class XdsViewsTest {

    private static Pilot pilot(DemoSource demo) {
        return new Pilot(demo, ShellTest.CLOCK, 140, 45, false);
    }

    private static List<String> rows(String screen) {
        return screen.lines().filter(l -> l.startsWith("│ ") && l.length() > 4)
                .map(l -> l.substring(1, l.length() - 1).strip()).filter(l -> !l.isEmpty()).skip(1).toList();
    }

    @Test
    void theRejectedPushAndItsErrorTextAreOneKeyFromTheLandingView() {
        Pilot p = pilot(new DemoSource(ShellTest.CLOCK)).type("x");
        String screen = p.text();
        Golden.assertMatches("sync", screen);
        assertThat(rows(screen).get(0)).contains("ratings-v1").contains("LDS").contains("ERROR");
        assertThat(screen).contains("rejected by Envoy").contains("script load error");
        assertThat(screen.replaceAll("[ │]*\\n[│ ]+", " "))
                .contains("')' expected (to close '(' at line 2) near 'end'");
        assertThat(rows(screen)).anySatisfy(r -> assertThat(r).contains("details-v1").contains("STALE").contains("4m12s"));
    }

    @Test
    void syncOfOneProxyFromItsSummary() {
        Pilot p = pilot(new DemoSource(ShellTest.CLOCK)).type("/details\n").press(KeyType.Enter).type("x");
        String screen = p.text();
        assertThat(screen).contains("sync(details-v1-65b9d8c7f-8jq2n.bookinfo)");
        assertThat(rows(screen)).allSatisfy(r -> assertThat(r).contains("details-v1"));
    }

    @Test
    void theStaleProxysDiffListsTheObjectsIstiodSentButEnvoyLacks() {
        Pilot p = pilot(new DemoSource(ShellTest.CLOCK)).type("/details\n").type("d");
        String screen = p.text();
        Golden.assertMatches("diff-stale", screen);
        assertThat(screen).contains("diff istiod-7f9c6b8d5-kx2vq → Envoy details-v1-65b9d8c7f-8jq2n.bookinfo")
                .contains("outbound|8080||ledger.payments.svc.cluster.local");
        p.press(KeyType.Escape).type("/productpage\n").type("d");
        assertThat(p.text()).contains("istiod vs Envoy: clusters, listeners, routes match");
    }

    @Test
    void compareTwoReplicasOfOneWorkload() {
        Pilot p = pilot(new DemoSource(ShellTest.CLOCK)).type("/reviews-v2-6c9d8b7f5-h2lqw\n").type("D");
        String screen = p.text();
        assertThat(screen).contains("compare reviews-v2-6c9d8b7f5-r9fjd ↔ reviews-v2-6c9d8b7f5-h2lqw")
                .contains("ledger.payments.svc.cluster.local");
        p.press(KeyType.Escape).type("/weather-frontend\n").type("D");
        assertThat(p.text()).contains("no other replica of weather-frontend");
        p.type(" ").press(KeyType.Escape).type("/productpage\n").type("D");
        assertThat(p.text()).contains("compare weather-frontend-6d8f9c7b5-x2k9p ↔ productpage");
    }

    @Test
    void istiodViewShowsUnbalancedLoadRejectsAndRejectionLines() throws Exception {
        Pilot p = pilot(new DemoSource(ShellTest.CLOCK)).type("i");
        Thread.sleep(300);
        String screen = p.settle().text();
        assertThat(screen).contains("istiod[2]").contains("istiod-7f9c6b8d5-kx2vq").contains("istiod-7f9c6b8d5-p8mzt");
        assertThat(screen).contains("unbalanced: istiod-7f9c6b8d5-kx2vq has 11 proxies");
        assertThat(rows(screen)).anySatisfy(r -> assertThat(r).contains("p8mzt").containsPattern("\\s[1-9]\\d*\\s"));
        assertThat(screen).contains("RECENT REJECTIONS");
    }

    @Test
    void logScopesChangeAfterConfirmAndRevertOnExit() {
        DemoSource demo = new DemoSource(ShellTest.CLOCK);
        var istiod = demo.istiod().instances().get(0);
        Pilot p = pilot(demo).type("i").press(KeyType.Enter).type("/^ads\\s\n");
        assertThat(p.text()).contains("log scopes(" + istiod.name() + ")");
        p.type("L");
        assertThat(p.text()).contains("Set log scope ads of " + istiod.name() + " from info to debug?");
        p.type("y");
        assertThat(p.text()).contains("scope ads is now debug (back to info on exit)").contains("reverts on exit");
        assertThat(level(demo, istiod, "ads")).isEqualTo("debug");
        assertThat(p.shell().runExitReverts(2_000)).isEmpty();
        assertThat(level(demo, istiod, "ads")).isEqualTo("info");
    }

    @Test
    void readOnlyRefusesScopeChanges() {
        DemoSource demo = new DemoSource(ShellTest.CLOCK);
        Pilot p = new Pilot(demo, ShellTest.CLOCK, 140, 45, true).type("i").press(KeyType.Enter).type("L");
        assertThat(p.text()).contains("read-only: log-level is refused");
        assertThat(level(demo, demo.istiod().instances().get(0), "ads")).isEqualTo("info");
    }

    private static String level(DemoSource demo, dev.skopos.source.IstiodInstance istiod, String scope) {
        return ControlzScopes.parse(demo.istiod().logScopes(istiod).join()).stream()
                .filter(s -> s.name().equals(scope)).findFirst().orElseThrow().outputLevel();
    }
}
