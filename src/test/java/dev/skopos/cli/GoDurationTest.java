package dev.skopos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({"30s, PT30S", "1m30s, PT1M30S", "500ms, PT0.5S", "1.5h, PT1H30M", "0, PT0S"})
    void parsesGoDurations(String text, String iso) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "soon", "1m 30s", "s"})
    void refusesTheRest(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(picocli.CommandLine.TypeConversionException.class);
    }
}
