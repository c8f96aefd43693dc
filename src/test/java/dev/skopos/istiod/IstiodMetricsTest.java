package dev.skopos.istiod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.skopos.source.IstiodInstance;
import dev.skopos.source.demo.DemoSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IstiodMetricsTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = IstiodMetricsTest.class.getResourceAsStream("/istiod/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsWhatTheIstiodViewShowsFromARealScrape() throws IOException {
        IstiodMetrics m = IstiodMetrics.parse(resource("metrics_istiod_1_26.txt"));
        assertThat(m.version()).isEqualTo("1.26.2");
        assertThat(m.connectedByVersion()).isEqualTo(Map.of("1.26.2", 143L, "1.25.4", 9L));
        assertThat(m.connectedProxies()).isEqualTo(152);
        assertThat(m.rejectsByType()).isEqualTo(Map.of("lds", 7L, "cds", 1L));
        assertThat(m.pushesByType()).containsEntry("eds", 41035L).containsEntry("sds", 612L).hasSize(5);
        assertThat(m.services()).isEqualTo(187);
        assertThat(m.virtualServices()).isEqualTo(21);
        assertThat(m.configEvents().get("VirtualService")).isEqualTo(Map.of("add", 21L, "update", 63L, "delete", 2L));
        // 30531 observations; 28941 at or below 0.1 s, 30117 at 0.5 s, 30402 at 1 s (worked by hand)
        Histogram.Quantiles q = m.convergenceQuantiles();
        assertThat(q.p50()).isCloseTo(0.1 * 15265.5 / 28941, within(1e-9));
        assertThat(q.p90()).isCloseTo(0.1 * 27477.9 / 28941, within(1e-9));
        assertThat(q.p99()).isCloseTo(0.5 + 0.5 * (30225.69 - 30117) / (30402 - 30117), within(1e-9));
        assertThat(m.pushTimeByType()).containsOnlyKeys("cds", "eds");
        assertThat(m.pushTimeByType().get("cds").count()).isEqualTo(6012);
        assertThat(m.pushTime().count()).isEqualTo(6012 + 41035);
        assertThat(m.queueTime().quantile(0.99)).isLessThan(0.1);
        assertThat(m.sendTime().count()).isEqualTo(59636);
    }

    @Test
    void theDemoReplicasShowTheirConnectionsAndTheNacks() {
        DemoSource demo = new DemoSource(Clock.fixed(Instant.parse("2025-11-27T12:00:00Z"), ZoneOffset.UTC));
        IstiodInstance a = demo.istiod().instances().get(0);
        IstiodInstance b = demo.istiod().instances().get(1);
        IstiodMetrics ma = IstiodMetrics.parse(demo.istiod().metrics(a).join());
        IstiodMetrics mb = IstiodMetrics.parse(demo.istiod().metrics(b).join());
        assertThat(ma.connectedByVersion()).isEqualTo(Map.of("1.27.3", 11L));
        assertThat(mb.connectedProxies()).isEqualTo(3);
        assertThat(ma.totalRejects()).isZero();
        assertThat(mb.rejectsByType().get("lds")).isPositive();
        assertThat(ma.pushesByType()).containsOnlyKeys("cds", "eds", "lds", "rds");
        assertThat(ma.convergenceQuantiles().p50()).isBetween(0.0, 0.1);
        assertThat(ma.convergenceQuantiles().p99()).isBetween(1.0, 5.0);
        assertThat(ma.services()).isEqualTo(11); // ten Services and the openweathermap ServiceEntry
        // what this demo does not export stays absent rather than zero
        assertThat(ma.version()).isNull();
        assertThat(ma.queueTime()).isNull();
        assertThat(ma.configEvents()).isEmpty();
    }

    @Test
    void aTruncatedScrapeFailsOnItsLine() {
        assertThatThrownBy(() -> IstiodMetrics.parse("pilot_services 3\npilot_xds{version=\"1.2"))
                .isInstanceOf(IstiodParseException.class).hasMessageContaining("line 2");
    }
}
