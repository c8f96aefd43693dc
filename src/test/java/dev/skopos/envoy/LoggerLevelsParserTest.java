package dev.skopos.envoy;

import static dev.skopos.envoy.ServerInfoParserTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoggerLevelsParserTest {

    @Test
    void readsLevelsAndSkipsBlankLines() {
        LoggerLevels levels = LoggerLevelsParser.parse(resource("logging.txt"));

        assertThat(levels.levels()).hasSize(12)
                .containsEntry("admin", "warning")
                .containsEntry("http", "debug")
                .containsEntry("misc", "error");
        assertThat(levels.dominantLevel()).isEqualTo("warning");
        assertThat(levels.exceptions()).isEqualTo(Map.of("connection", "debug", "http", "debug", "misc", "error"));
    }

    @Test
    void ignoresTheUsageTextEnvoyPrependsToABadRequest() {
        LoggerLevels levels = LoggerLevelsParser.parse(resource("logging_usage.txt"));

        assertThat(levels.levels()).isEqualTo(Map.of("admin", "info", "http", "info", "router", "info"));
    }

    @Test
    void acceptsFineGrainLoggerPaths() {
        LoggerLevels levels = LoggerLevelsParser.parse(resource("logging_fine_grain.txt"));

        assertThat(levels.levels()).containsEntry("source/common/router/router.cc", "trace").hasSize(3);
    }

    @Test
    void readsIstioConformanceLoggingList() throws IOException {
        Path upstream = Path.of("../shared/conformance/proxy-config/current/writer/envoy/logging/testdata/logging.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(upstream), "conformance data absent");

        LoggerLevels levels = LoggerLevelsParser.parse(Files.readString(upstream));

        long listed = Files.readAllLines(upstream).stream().filter(l -> l.startsWith("  ")).count();
        assertThat(levels.levels()).hasSize((int) listed);
        assertThat(levels.dominantLevel()).isEqualTo("warning");
    }

    @Test
    void headerWithoutLoggersIsAnEmptyList() {
        assertThat(LoggerLevelsParser.parse("active loggers:\n").levels()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n", "<html><body><h1>Envoy Admin</h1></body></html>", "404 page not found"})
    void answersWithoutALoggerListFail(String text) {
        assertThatThrownBy(() -> LoggerLevelsParser.parse(text))
                .isInstanceOf(EnvoyParseException.class)
                .hasMessageStartingWith("logging: ");
    }
}
