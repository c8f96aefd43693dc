package dev.skopos.istiod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skopos.istiod.ControlzScopes.Scope;
import dev.skopos.istiod.ControlzScopes.ScopeChange;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.demo.DemoSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ControlzScopesTest {

    private static final String SCOPEJ = """
            [{"name":"xdsproxy","description":"","output_level":"info","stack_trace_level":"none","log_callers":false},
             {"name":"ads","description":"ads debugging","output_level":"warn","stack_trace_level":"none","log_callers":true}]
            """;

    @Test
    void readsScopesSortedByName() {
        assertThat(ControlzScopes.parse(SCOPEJ)).containsExactly(
                new Scope("ads", "ads debugging", "warn", "none", true),
                new Scope("xdsproxy", "", "info", "none", false));
    }

    @Test
    void aChangeKnowsWhereItCameFromAndHowToGoBack() {
        ScopeChange change = ControlzScopes.change(ControlzScopes.parse(SCOPEJ), "ads", "DEBUG");
        assertThat(change).isEqualTo(new ScopeChange("ads", ScopeLevel.WARN, ScopeLevel.DEBUG));
        assertThat(change.path()).isEqualTo("/scopej/ads");
        assertThat(change.body()).isEqualTo("{\"name\":\"ads\",\"output_level\":\"debug\"}\n");
        assertThat(change.revert().body()).isEqualTo("{\"name\":\"ads\",\"output_level\":\"warn\"}\n");
    }

    @ParameterizedTest
    @CsvSource({"none, NONE", "error, ERROR", "warn, WARN", " Info , INFO", "debug, DEBUG"})
    void acceptsIstioctlsLevels(String text, ScopeLevel level) {
        assertThat(ScopeLevel.parse(text)).isEqualTo(level);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trace", "warning", "fatal", ""})
    void refusesOtherLevels(String text) {
        assertThatThrownBy(() -> ScopeLevel.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none, error, warn, info, debug");
    }

    @Test
    void unknownScopesAndDamagedAnswersFailInOneLine() {
        List<Scope> scopes = ControlzScopes.parse(SCOPEJ);
        assertThatThrownBy(() -> ControlzScopes.change(scopes, "nope", "debug"))
                .hasMessage("istiod has no log scope 'nope'");
        assertThatThrownBy(() -> ControlzScopes.parse("{\"name\":\"ads\"}")).isInstanceOf(IstiodParseException.class);
        assertThatThrownBy(() -> ControlzScopes.parse("[{\"name\":")).isInstanceOf(IstiodParseException.class)
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("\n"));
    }

    @Test
    void roundTripsOnTheDemo() {
        DemoSource demo = new DemoSource(Clock.fixed(Instant.parse("2025-11-27T12:00:00Z"), ZoneOffset.UTC));
        IstiodInstance a = demo.istiod().instances().get(0);
        List<Scope> scopes = ControlzScopes.parse(demo.istiod().logScopes(a).join());
        assertThat(scopes).extracting(Scope::name).contains("ads", "default", "xdsproxy");
        ScopeChange change = ControlzScopes.change(scopes, "ads", "debug");
        demo.istiod().setLogScope(a, change.scope(), change.to().wire()).join();
        List<Scope> after = ControlzScopes.parse(demo.istiod().logScopes(a).join());
        assertThat(ControlzScopes.find(after, "ads").orElseThrow().outputLevel()).isEqualTo("debug");
        ScopeChange back = change.revert();
        demo.istiod().setLogScope(a, back.scope(), back.to().wire()).join();
        assertThat(ControlzScopes.find(ControlzScopes.parse(demo.istiod().logScopes(a).join()), "ads")
                .orElseThrow().outputLevel()).isEqualTo("info");
    }
}
