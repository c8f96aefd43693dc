package dev.skopos.istiod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skopos.istiod.PrometheusText.Exposition;
import dev.skopos.istiod.PrometheusText.Sample;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void readsTypesLabelsAndSkipsComments() {
        Exposition e = PrometheusText.parse("""
                # HELP pilot_xds Number of endpoints connected to this pilot using XDS.
                # TYPE pilot_xds gauge
                pilot_xds{version="1.27.3"} 11

                # a free comment
                pilot_services 14 1764230400000
                """);
        assertThat(e.types()).containsEntry("pilot_xds", "gauge");
        assertThat(e.samples()).containsExactly(
                new Sample("pilot_xds", Map.of("version", "1.27.3"), 11),
                new Sample("pilot_services", Map.of(), 14));
    }

    @Test
    void unescapesLabelValues() {
        Sample s = PrometheusText.parse(
                "x{error=\"update failed \\\"istio-validator\\\": a\\\\b\\nc\",name=\"v\" , } 2\n").samples().get(0);
        assertThat(s.label("error")).isEqualTo("update failed \"istio-validator\": a\\b\nc");
        assertThat(s.label("name")).isEqualTo("v");
    }

    @ParameterizedTest
    @CsvSource({"NaN, NaN", "+Inf, Infinity", "-Inf, -Infinity", "1.960883518e+09, 1960883518", "-0.5, -0.5"})
    void readsGoFloats(String text, double expected) {
        // boxed, so NaN equals NaN
        assertThat(Double.valueOf(PrometheusText.parse("m " + text).samples().get(0).value())).isEqualTo(Double.valueOf(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "pilot_xds{version=\"1.27.3\" 11",
            "pilot_xds{version=1.27.3} 11",
            "pilot_xds{version=\"1.27.3} 11",
            "pilot_xds",
            "pilot_xds eleven",
            "{version=\"x\"} 1",
            "pilot_xds{=\"x\"} 1"})
    void malformedLinesFailNamingTheLine(String bad) {
        String body = "# TYPE pilot_xds gauge\npilot_services 3\n" + bad + "\n";
        assertThatThrownBy(() -> PrometheusText.parse(body))
                .isInstanceOf(IstiodParseException.class)
                .hasMessageStartingWith("metrics line 3: ")
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("\n"));
    }
}
