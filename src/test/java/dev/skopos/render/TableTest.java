package dev.skopos.render;

import dev.skopos.mesh.Ages;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableTest {

    private static Row row(String name, int restarts, boolean faulty) {
        return new Row(name, List.of(Cell.of(name), Cell.of(Integer.toString(restarts))), List.of(name, restarts), faulty);
    }

    private final Table table = new Table(List.of(Column.wide("NAME"), Column.number("RESTARTS")),
            List.of(row("weather-frontend", 0, false), row("reviews-v2", 12, true), row("istio-ingressgateway", 3, false)));

    @Test
    void sortsByTypedKeysNotText() {
        assertThat(table.sorted("RESTARTS", false).rows()).extracting(Row::id)
                .containsExactly("weather-frontend", "istio-ingressgateway", "reviews-v2");
        assertThat(table.sorted("RESTARTS", true).rows().get(0).id()).isEqualTo("reviews-v2");
        assertThat(table.sorted("NOPE", false)).isSameAs(table);
    }

    @Test
    void filtersByRegexInvertedAndFaulty() {
        assertThat(table.filtered(RowFilter.parse("weather|reviews"), false).rows()).hasSize(2);
        assertThat(table.filtered(RowFilter.parse("!weather"), false).rows()).extracting(Row::id)
                .containsExactly("reviews-v2", "istio-ingressgateway");
        assertThat(table.filtered(RowFilter.NONE, true).rows()).extracting(Row::id).containsExactly("reviews-v2");
        assertThat(table.filtered(RowFilter.parse("WEATHER"), false).rows()).hasSize(1);
    }

    @Test
    void invalidRegexFallsBackToLiteralAndSaysSo() {
        RowFilter f = RowFilter.parse("v2(");
        assertThat(f.problem()).contains("not a valid regex");
        assertThat(f.matchesText("reviews-v2(")).isTrue();
        assertThat(f.matchesText("reviews-v2")).isFalse();
    }

    @Test
    void highlightsEveryMatchButNoneWhenInverted() {
        assertThat(RowFilter.parse("e").highlights("weather")).hasSize(2);
        assertThat(RowFilter.parse("!e").highlights("weather")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0,0s", "119,119s", "120,2m", "150,2m30s", "600,10m", "10799,179m", "10800,3h", "11100,3h5m",
        "28800,8h", "172800,2d", "176400,2d1h", "691200,8d", "63072000,2y", "252288000,8y"})
    void agesReadLikeKubectl(long seconds, String expected) {
        assertThat(Ages.human(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }
}
