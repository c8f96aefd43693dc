package dev.skopos.istiod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.IstiodInstance;
import dev.skopos.source.PodRef;
import dev.skopos.source.SynczAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyStatusTableTest {

    @ParameterizedTest
    @CsvSource({"multi-pilot, multiXdsStatusMultiPilot.txt", "single-pilot, multiXdsStatusSinglePilot.txt"})
    void reproducesIstioctlsTable(String caseName, String expectedFile) {
        String expected = ConformanceInputs.expected(expectedFile);

        assertThat(ProxyStatusTable.render(ConformanceInputs.parseAndMerge(caseName))).isEqualTo(expected);
    }

    @Test
    void reproducesIstioctlsVerboseTable() {
        String expected = ConformanceInputs.expected("multiXdsStatusMultiPilot_verbose.txt");

        assertThat(ProxyStatusTable.renderVerbose(ConformanceInputs.parseAndMerge("single-proxy"))).isEqualTo(expected);
    }

    @Test
    void noProxiesPrintsTheHeaderOnly() {
        assertThat(ProxyStatusTable.render(List.of()))
                .isEqualTo("NAME     CLUSTER     ISTIOD     VERSION     SUBSCRIBED TYPES\n");
    }

    @Test
    void verboseShowsTheHttpFormatsStaleDetail() {
        IstiodInstance istiod = new IstiodInstance(new PodRef("istio-system", "istiod-1"), "", "");
        String body = """
                [{"proxy": "a.ns", "cluster_id": "Kubernetes", "istio_version": "1.19.0",
                  "cluster_sent": "1", "cluster_acked": "1", "listener_sent": "2"}]
                """;

        String table = ProxyStatusTable.renderVerbose(
                SynczParser.parse(new SynczAnswer(istiod, SynczAnswer.Format.HTTP, body)));

        assertThat(table).isEqualTo("""
                NAME     CLUSTER        CDS        ECDS         EDS          LDS                            RDS          ISTIOD       VERSION
                a.ns     Kubernetes     SYNCED     NOT SENT     NOT SENT     STALE (Never Acknowledged)     NOT SENT     istiod-1     1.19.0
                """);
    }
}
