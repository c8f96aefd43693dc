package dev.skopos.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.analysis.Diagnostic;
import dev.skopos.source.MeshSource;
import dev.skopos.source.Scope;
import dev.skopos.source.demo.DemoSource;
import dev.skopos.source.multi.MultiClusterSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Findings read from the proxies themselves say which cluster's proxy they are about. */
class MultiClusterFindingsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aProxyFindingPerClusterNamesItsCluster() throws Exception {
        Map<String, MeshSource> clusters = new LinkedHashMap<>();
        clusters.put("east", new DemoSource(CLOCK));
        clusters.put("west", new DemoSource(CLOCK));
        try (MeshSource multi = new MultiClusterSource(clusters, Runnable::run)) {
            FindingsFeed.Findings f = FindingsFeed.load(multi, Scope.ALL, Runnable::run, CLOCK, null, true)
                    .get(60, TimeUnit.SECONDS);
            List<String> rejected = f.diagnostics().stream().filter(d -> d.code().equals("SKP0017"))
                    .map(Diagnostic::message).toList();
            assertThat(rejected).hasSize(2);
            assertThat(rejected).anySatisfy(m -> assertThat(m).contains("east/ratings-v1-"))
                    .anySatisfy(m -> assertThat(m).contains("west/ratings-v1-"));
        }
    }
}
