package dev.skopos.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.skopos.source.ResourceKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The acceptance line "an identity without access to secrets or config maps still gets every other
 * view": on the demo with those two kinds forbidden, every screen shows its data, and only the
 * findings say, in one line, what they could not read.
 */
class RestrictedIdentityViewsTest {

    private static final String FROM_FINDINGS = "partial analysis: forbidden: needs list on configmaps, secrets";

    private Pilot pilot;

    @BeforeEach
    void start() {
        FailingSourceTest.Broken source = new FailingSourceTest.Broken();
        source.forbiddenKinds.add(ResourceKind.SECRET);
        source.forbiddenKinds.add(ResourceKind.CONFIG_MAP);
        pilot = new Pilot(source, ShellTest.CLOCK, 120, 40, false);
    }

    @Test
    void theProxiesSummaryAndEnvoyConfigShowTheirData() {
        assertThat(pilot.text()).contains("weather-frontend").contains("SYNCED").doesNotContain("forbidden");

        pilot.type("/weather-frontend\n").press(KeyType.Enter);
        assertThat(pilot.text()).contains("Log levels").doesNotContain("unavailable").doesNotContain("forbidden");

        pilot.type("1");
        assertThat(pilot.text()).containsPattern("listeners\\(weather-frontend-").contains("0.0.0.0")
                .doesNotContain("forbidden");
        pilot.type("\u001b3");
        assertThat(pilot.text()).containsPattern("clusters\\(weather-frontend-").contains("reviews.bookinfo.svc")
                .doesNotContain("forbidden");
        // Envoy's own secrets come from its admin port, not from the forbidden Secret objects.
        pilot.type("\u001b5");
        assertThat(pilot.text()).containsPattern("secrets\\(weather-frontend-").contains("ROOTCA")
                .doesNotContain("forbidden");
    }

    @Test
    void syncAndIstiodShowTheirData() {
        pilot.type("x");
        assertThat(pilot.text()).contains("sync").contains("SYNCED").doesNotContain("forbidden");
        pilot.type("\u001bi");
        assertThat(pilot.text()).contains("istiod-").doesNotContain("forbidden");
    }

    @Test
    void findingsRunOnTheRestAndSayInOneLineWhatTheyCouldNotRead() {
        pilot.type("a");
        String screen = pilot.text();
        assertThat(screen).contains("IST0101").contains("SKP0007").contains("SKP0017");
        assertThat(screen.lines().filter(l -> l.contains("forbidden"))).singleElement()
                .satisfies(l -> assertThat(l).contains(FROM_FINDINGS));
    }
}
