package dev.skopos.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.skopos.config.Action;
import dev.skopos.config.KeymapLoader;
import dev.skopos.source.demo.DemoSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shell and the proxies view on the demo mesh, driven by keys on a virtual terminal. */
class ShellTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    static Pilot pilot() {
        return new Pilot(new DemoSource(CLOCK), CLOCK, 120, 40, false);
    }

    private static List<String> tableRows(String screen) {
        // Rows end where the landing view's findings strip begins.
        return screen.lines().takeWhile(l -> !l.contains("FINDINGS ")).filter(l -> l.startsWith("│ ") && !l.contains("NAME"))
                .map(l -> l.substring(1, l.length() - 1).strip()).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void landingViewListsEveryProxyWithItsSyncState() {
        Pilot p = pilot();
        String screen = p.text();
        Golden.assertMatches("proxies", screen);
        assertThat(screen).contains("NAMESPACE", "NAME", "READY", "STATUS", "SYNC", "ISTIOD", "VERSION", "RESTARTS", "AGE");
        assertThat(screen).contains("SYNCED", "STALE", "ERROR").contains("istio-ingressgateway");
        assertThat(screen).contains("ctx demo").contains("ns all");
        assertThat(p.line("<enter>")).contains("<:>").contains("</>").contains("<?>").contains("summary");
    }

    @Test
    void slashFiltersByRegexAndHighlightsMatches() {
        Pilot p = pilot().type("/weather\n");
        String screen = p.text();
        Golden.assertMatches("proxies-filtered", screen);
        assertThat(tableRows(screen)).isNotEmpty().allSatisfy(r -> assertThat(r).contains("weather"));
        assertThat(screen).contains("</weather>");
        assertThat(p.background("weather-frontend")).isNotEqualTo(TextColor.ANSI.DEFAULT);
    }

    @Test
    void bangInvertsTheFilterAndEscClearsIt() {
        Pilot p = pilot().type("/!weather\n");
        assertThat(tableRows(p.text())).isNotEmpty().noneSatisfy(r -> assertThat(r).contains("weather"));
        p.press(KeyType.Escape);
        assertThat(p.text()).doesNotContain("</!weather>").contains("weather-frontend");
    }

    @Test
    void enterDrillsIntoTheProxySummaryAndEscReturns() {
        Pilot p = pilot().type("/weather-frontend\n").press(KeyType.Enter);
        String screen = p.text();
        Golden.assertMatches("proxy-summary", screen);
        assertThat(screen).contains("summary weather-frontend").contains("State").contains("LIVE")
                .contains("Log levels").contains("Listeners").contains("Clusters").contains("Routes")
                .contains("WARNINGS");
        assertThat(p.row(38)).startsWith("  proxies ").contains("weather-frontend");
        p.press(KeyType.Escape);
        assertThat(p.text()).contains("proxies(all)").contains("</weather-frontend>");
    }

    @Test
    void theNackErrorIsReadWholeWrappedUnderItsColumn() {
        Pilot p = pilot().type("/ratings\n").press(KeyType.Enter);
        String screen = p.text();
        Golden.assertMatches("proxy-summary-nack", screen);
        assertThat(screen).contains("LDS rejected by Envoy (NACK): Error adding/updating listener(s) 0.0.0.0_8080");
        assertThat(screen.replaceAll("[ │]*\\n[│ ]+", " ")).contains(
                dev.skopos.source.demo.envoy.ListenerGenerator.NACK_DETAILS.replaceAll("\\s+", " ").strip());
    }

    @Test
    void helpListsEveryActionFromTheKeymap() {
        Pilot p = new Pilot(new DemoSource(CLOCK), CLOCK, 120, 60, false).type("?");
        String screen = p.text();
        var keymap = KeymapLoader.defaults();
        for (Action a : Action.values()) {
            assertThat(screen).as(a.id()).contains(a.id()).contains(keymap.keyLabel(a));
        }
        assertThat(screen).contains("COMMANDS").contains("proxies (px, proxy, envoy)");
        p.press(KeyType.Escape);
        assertThat(p.text()).contains("proxies(all)");
    }

    @Test
    void helpGolden() {
        Golden.assertMatches("help", pilot().type("?").text());
    }

    @Test
    void commandPromptCompletesAndSwitchesNamespace() {
        Pilot p = pilot().type(":pro");
        assertThat(p.line(":pro")).contains(":proxies");
        p.press(KeyType.Tab);
        assertThat(p.line(":prox")).contains(":proxies");
        p.press(KeyType.Escape).type(":ns weath");
        assertThat(p.line(":ns weath")).contains(":ns weather");
        p.press(KeyType.Tab).press(KeyType.Enter);
        String screen = p.text();
        assertThat(screen).contains("proxies(weather)").contains("ns weather").doesNotContain("NAMESPACE");
        assertThat(tableRows(screen)).hasSize(4).noneSatisfy(r -> assertThat(r).containsAnyOf("productpage", "ingress"));
        p.type(":px all\n");
        assertThat(p.text()).contains("proxies(all)").contains("NAMESPACE");
    }

    @Test
    void unknownCommandsAndNamespacesFlashAnError() {
        Pilot p = pilot().type(":bogus\n");
        assertThat(p.text()).contains("unknown command 'bogus'");
        assertThat(p.foreground("unknown command")).isEqualTo(TextColor.ANSI.RED);
        p.type(":ns nowhere\n");
        assertThat(p.text()).contains("no namespace 'nowhere'").contains("proxies(all)");
    }

    @Test
    void ctrlZShowsFaultyProxiesOnly() {
        Pilot p = pilot().ctrl('z');
        String screen = p.text();
        assertThat(screen).contains("<faulty>");
        assertThat(tableRows(screen)).isNotEmpty().allSatisfy(r ->
                assertThat(r).containsAnyOf("STALE", "ERROR", "UNKNOWN", "CrashLoop", "0/", "1/2", "Pending", "Init"));
        assertThat(tableRows(screen)).noneSatisfy(r -> assertThat(r).contains("istiod-"));
        p.ctrl('z');
        assertThat(p.text()).doesNotContain("<faulty>");
    }

    @Test
    void shiftKeysSortAndRepeatingReverses() {
        Pilot p = pilot().type("N");
        List<String> asc = tableRows(p.text());
        assertThat(p.text()).contains("NAME↑");
        p.type("N");
        List<String> desc = tableRows(p.text());
        assertThat(p.text()).contains("NAME↓");
        assertThat(desc.get(0)).isEqualTo(asc.get(asc.size() - 1));
        p.type("A");
        assertThat(p.text()).contains("AGE↑");
    }

    @Test
    void navigationMovesTheSelection() {
        Pilot p = pilot();
        String first = selectedName(p);
        p.type("j");
        assertThat(selectedName(p)).isNotEqualTo(first);
        p.type("k");
        assertThat(selectedName(p)).isEqualTo(first);
        p.press(KeyType.End);
        String last = selectedName(p);
        p.press(KeyType.Home);
        assertThat(selectedName(p)).isEqualTo(first);
        p.press(KeyType.PageDown);
        assertThat(selectedName(p)).isEqualTo(last);
    }

    private static String selectedName(Pilot p) {
        String[] lines = p.text().split("\n");
        for (int y = 0; y < lines.length; y++) {
            if (lines[y].startsWith("│ ") && !lines[y].contains("NAME")) {
                // the selected row is the one painted with the selection background
                int x = 2;
                if (!lines[y].substring(2).isBlank() && p.background(lines[y].substring(2, 20).strip()) == TextColor.ANSI.CYAN) {
                    return lines[y].strip();
                }
            }
        }
        return null;
    }

    @Test
    void resizesDownTo80x24AndKeepsEveryPart() {
        Pilot p = pilot().resize(80, 24);
        String screen = p.text();
        Golden.assertMatches("proxies-80x24", screen);
        assertThat(screen.lines().count()).isEqualTo(24);
        assertThat(screen).contains("proxies 14").contains("ns all").contains("<:>").contains("proxies(all)")
                .contains("CrashLoo").contains("STALE");
        assertThat(p.row(22)).startsWith("  proxies");
        p.resize(30, 8);
        assertThat(p.text()).contains("skopos needs at least");
        p.resize(120, 40);
        assertThat(p.text()).contains("NAMESPACE");
    }

    @Test
    void yShowsThePodAsYaml() {
        Pilot p = pilot().type("/weather-frontend\n").type("y");
        assertThat(p.text()).contains("kind: Pod").contains("(yaml)").contains("istio-proxy");
        p.type("/image\n");
        assertThat(p.text()).contains("</image>");
    }

    @Test
    void logLevelAsksFirstThenChangesEnvoy() {
        DemoSource demo = new DemoSource(CLOCK);
        Pilot p = new Pilot(demo, CLOCK, 120, 40, false).type("/weather-frontend\n").type("L");
        assertThat(p.text()).contains("Set Envoy log level of weather-frontend").contains("[y/N]");
        p.type("y");
        assertThat(p.text()).contains("set to info");
        p.type("L").type("n");
        assertThat(p.text()).contains("cancelled");
    }

    @Test
    void readOnlyRefusesMutatingActionsAndSaysSo() {
        Pilot p = new Pilot(new DemoSource(CLOCK), CLOCK, 120, 40, true).type("L");
        String screen = p.text();
        assertThat(screen).contains("READ-ONLY").contains("read-only: log-level is refused");
        assertThat(p.line("<enter>")).doesNotContain("log-level");
    }

    @Test
    void qAndCtrlCQuit() {
        assertThat(pilot().type("q").quit()).isTrue();
        assertThat(pilot().ctrl('c').quit()).isTrue();
        assertThat(pilot().type(":q\n").quit()).isTrue();
        assertThat(pilot().type("/q").quit()).isFalse();
    }

    @Test
    void coloursComeFromTheTheme() {
        Pilot p = pilot().type("G");
        assertThat(p.foreground("ERROR")).isEqualTo(TextColor.ANSI.RED);
        assertThat(p.foreground("SYNCED")).isEqualTo(TextColor.ANSI.GREEN);
        assertThat(p.foreground("STALE")).isEqualTo(TextColor.ANSI.YELLOW);
        assertThat(p.background("skopos")).isEqualTo(TextColor.ANSI.BLUE);
    }
}
