package dev.skopos.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void completesTheUniqueOrCommonRest() {
        assertThat(Commands.completeFrom(List.of("proxies", "px", "proxy"), "prox")).isEqualTo("ies");
        assertThat(Commands.completeFrom(List.of("proxies", "px", "proxy"), "proxy")).isEmpty();
        assertThat(Commands.completeFrom(List.of("proxies", "px"), "pro")).isEqualTo("xies");
        assertThat(Commands.completeFrom(List.of("weather", "bookinfo"), "we")).isEqualTo("ather");
        assertThat(Commands.completeFrom(List.of("weather"), "")).isEmpty();
        assertThat(Commands.completeFrom(List.of("weather"), "x")).isEmpty();
    }

    @Test
    void logLevelCycleWrapsAndAcceptsWarn() {
        assertThat(LogLevelAction.next("warning")).isEqualTo("info");
        assertThat(LogLevelAction.next("warn")).isEqualTo("info");
        assertThat(LogLevelAction.next("trace")).isEqualTo("warning");
        assertThat(LogLevelAction.next("critical")).isEqualTo("warning");
    }
}
