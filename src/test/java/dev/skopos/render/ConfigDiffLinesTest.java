package dev.skopos.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.skopos.mesh.ConfigDiff;
import dev.skopos.mesh.ConfigDiff.Change;
import dev.skopos.mesh.ConfigDiff.FieldChange;
import dev.skopos.mesh.ConfigDiff.Kind;
import dev.skopos.mesh.ConfigDiff.ResourceDiff;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigDiffLinesTest {

    private static final ConfigDiff DIFF = new ConfigDiff("istiod", "Envoy",
            List.of(Kind.CLUSTER, Kind.LISTENER, Kind.ROUTE), List.of(
            new ResourceDiff(Kind.CLUSTER, "outbound|8080||ledger.payments.svc.cluster.local", Change.MISSING, List.of()),
            new ResourceDiff(Kind.CLUSTER, "outbound|9080||reviews.bookinfo.svc.cluster.local", Change.CHANGED, List.of(
                    new FieldChange("cluster.circuit_breakers.thresholds[0].max_connections", IntNode.valueOf(1024),
                            IntNode.valueOf(100)),
                    new FieldChange("cluster.lb_policy", null, TextNode.valueOf("LEAST_REQUEST")))),
            new ResourceDiff(Kind.LISTENER, "0.0.0.0_5000", Change.EXTRA, List.of())));

    @Test
    void oneLinePerResourceAndField() {
        assertThat(ConfigDiffLines.lines(DIFF)).extracting(StyledLine::text).containsExactly(
                "istiod vs Envoy: 1 missing in Envoy, 1 only in Envoy, 1 changed (clusters, listeners, routes)",
                "",
                "- cluster outbound|8080||ledger.payments.svc.cluster.local  only in istiod, missing in Envoy",
                "~ cluster outbound|9080||reviews.bookinfo.svc.cluster.local  2 fields differ",
                "    cluster.circuit_breakers.thresholds[0].max_connections: 1024 → 100",
                "    cluster.lb_policy: (absent) → \"LEAST_REQUEST\"",
                "+ listener 0.0.0.0_5000  only in Envoy, not in istiod");
    }

    @Test
    void tonesSayMissingExtraChanged() {
        List<StyledLine> lines = ConfigDiffLines.lines(DIFF);
        assertThat(lines.get(2).spans().get(0).tone()).isEqualTo(Tone.ERROR);
        assertThat(lines.get(3).spans().get(0).tone()).isEqualTo(Tone.WARN);
        assertThat(lines.get(6).spans().get(0).tone()).isEqualTo(Tone.OK);
        assertThat(lines.get(5).spans()).extracting(Span::tone).contains(Tone.DIM);
        assertThat(lines.get(4).hangingIndent()).isPositive();
    }

    @Test
    void matchingDumpsSayTheyMatch() {
        ConfigDiff same = new ConfigDiff("pod A", "pod B", List.of(Kind.CLUSTER, Kind.ROUTE), List.of());
        List<StyledLine> lines = ConfigDiffLines.lines(same);
        assertThat(lines).extracting(StyledLine::text).containsExactly("pod A vs pod B: clusters, routes match");
        assertThat(lines.get(0).spans().get(1).tone()).isEqualTo(Tone.OK);
    }

    @Test
    void longValuesAreCutAndOneKindCanBeShownAlone() throws Exception {
        JsonNode big = new ObjectMapper().readTree("{\"domains\":[\"" + "x".repeat(200) + "\"]}");
        assertThat(ConfigDiffLines.value(big)).hasSize(ConfigDiffLines.MAX_VALUE).endsWith("…");
        assertThat(ConfigDiffLines.lines(DIFF, Kind.LISTENER)).extracting(StyledLine::text).containsExactly(
                "istiod vs Envoy: 0 missing in Envoy, 1 only in Envoy, 0 changed (listeners)",
                "",
                "+ listener 0.0.0.0_5000  only in Envoy, not in istiod");
    }
}
