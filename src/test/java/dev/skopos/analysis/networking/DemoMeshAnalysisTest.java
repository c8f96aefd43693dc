package dev.skopos.analysis.networking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.analysis.AnalysisRun;
import dev.skopos.analysis.Diagnostic;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import dev.skopos.analysis.Suppressions;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.demo.DemoSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The networking analyzers over the demo mesh, whose bookinfo VirtualService names a gateway that does not exist. */
class DemoMeshAnalysisTest {

    private static ResourceSnapshot demo() {
        DemoSource source = new DemoSource(Clock.fixed(Instant.parse("2025-11-27T12:00:00Z"), ZoneOffset.UTC));
        List<Resource> resources = new ArrayList<>();
        for (ResourceKind kind : ResourceKind.ALL) {
            source.objects().list(kind, Scope.ALL).stream().map(o -> Resource.of(o.raw(), ""))
                    .filter(Objects::nonNull).forEach(resources::add);
        }
        return new ResourceSnapshot(resources);
    }

    @Test
    void virtualServiceBoundToMissingGatewayIsReported() {
        List<Diagnostic> found = AnalysisRun.run(demo(), List.of(new VirtualServiceGatewayAnalyzer()), Suppressions.NONE);
        assertThat(found).extracting(d -> d.code() + " " + d.message())
                .contains("IST0101 Referenced gateway not found: \"bookinfos-gateway\"");
    }

    @Test
    void everyNetworkingAnalyzerRunsOnTheDemoWithoutInternalErrors() {
        List<Diagnostic> found = AnalysisRun.run(demo(), NetworkingAnalyzers.all(), Suppressions.NONE);
        assertThat(found).extracting(Diagnostic::code).doesNotContain("IST0001");
    }
}
