package dev.skopos.istiod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistogramTest {

    /** 100 observations: 50 up to 0.1 s, 40 in (0.1, 0.5], 8 in (0.5, 1], 2 above 1 s. */
    private static final String BODY = """
            h_bucket{le="0.1"} 50
            h_bucket{le="0.5"} 90
            h_bucket{le="1"} 98
            h_bucket{le="+Inf"} 100
            h_sum 31.5
            h_count 100
            """;

    private final Histogram h = Histogram.of(PrometheusText.parse(BODY).samples(), "h", l -> true);

    // Expected values worked out by hand with histogram_quantile's rule.
    @ParameterizedTest
    @CsvSource({
            "0.25, 0.05",     // rank 25 in the first bucket, which starts at 0
            "0.5, 0.1",       // rank 50 is the first bucket's top
            "0.7, 0.3",       // rank 70: 20 of 40 into (0.1, 0.5]
            "0.9, 0.5",
            "0.94, 0.75",     // rank 94: 4 of 8 into (0.5, 1]
            "0.99, 1.0",      // rank 99 falls in +Inf: the highest finite bound
            "0, 0.0"})
    void interpolatesLikeHistogramQuantile(double q, double expected) {
        assertThat(h.quantile(q)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void outOfRangeAndEmpty() {
        assertThat(h.quantile(-0.1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(h.quantile(1.1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(h.count()).isEqualTo(100);
        assertThat(h.mean()).isCloseTo(0.315, within(1e-9));
        Histogram empty = new Histogram(List.of(new Histogram.Bucket(1, 0),
                new Histogram.Bucket(Double.POSITIVE_INFINITY, 0)), 0, 0);
        assertThat(empty.quantiles().p50()).isNaN();
        assertThat(Histogram.of(PrometheusText.parse(BODY).samples(), "other", l -> true)).isNull();
    }

    @Test
    void sumsLabelSetsPerBound() {
        String body = """
                t_bucket{type="cds",le="1"} 3
                t_bucket{type="cds",le="+Inf"} 4
                t_bucket{type="eds",le="1"} 5
                t_bucket{type="eds",le="+Inf"} 6
                t_count{type="cds"} 4
                t_count{type="eds"} 6
                """;
        Histogram all = Histogram.of(PrometheusText.parse(body).samples(), "t", l -> true);
        assertThat(all.buckets()).containsExactly(new Histogram.Bucket(1, 8),
                new Histogram.Bucket(Double.POSITIVE_INFINITY, 10));
        assertThat(all.count()).isEqualTo(10);
        assertThat(all.sum()).isNaN();
    }
}
