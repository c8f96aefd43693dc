package dev.skopos.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.analysis.ClusterFacts;
import dev.skopos.analysis.Diagnostic;
import dev.skopos.source.ForwardingMeshSource;
import dev.skopos.source.MeshSource;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import dev.skopos.source.demo.DemoSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The API server's version reaches the analysis as ClusterFacts; an unknown, failed or slow one leaves it out. */
class FindingsFeedVersionTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void theDemosFixedVersionIsInTheSnapshotAndSupported() throws Exception {
        FindingsFeed.Findings f = load(new DemoSource(CLOCK));
        assertThat(f.snapshot().clusterFacts()).map(ClusterFacts::kubernetesVersion).hasValue(DemoSource.KUBERNETES_VERSION);
        assertThat(f.diagnostics()).extracting(Diagnostic::code).doesNotContain("IST0142");
    }

    @Test
    void anOldClusterIsAFinding() throws Exception {
        FindingsFeed.Findings f = load(new Versioned(() -> CompletableFuture.completedFuture("v1.27.3-gke.100")));
        assertThat(f.diagnostics()).filteredOn(d -> d.code().equals("IST0142")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("v1.27.3-gke.100"));
    }

    @Test
    void aFailedOrSlowVersionLeavesTheFactsOutAndTheRestRuns() throws Exception {
        FindingsFeed.Findings failed = load(new Versioned(() -> CompletableFuture.failedFuture(
                new SourceException(SourceException.Reason.UNREACHABLE, "version: connection refused"))));
        assertThat(failed.snapshot().clusterFacts()).isEmpty();
        assertThat(failed.diagnostics()).extracting(Diagnostic::code).contains("IST0101");

        CompletableFuture<String> never = new CompletableFuture<>();
        FindingsFeed.Findings slow = load(new Versioned(() -> never));
        assertThat(slow.snapshot().clusterFacts()).isEmpty();
        assertThat(never).isNotDone(); // the wait gave up on a copy, the source's own future is untouched
    }

    private static FindingsFeed.Findings load(MeshSource source) throws Exception {
        return FindingsFeed.load(source, Scope.ALL, Runnable::run, CLOCK, List.of(), true).get(30, TimeUnit.SECONDS);
    }

    /** The demo mesh on an API server of the version given. */
    private static final class Versioned extends ForwardingMeshSource {
        private final Supplier<CompletableFuture<String>> version;

        Versioned(Supplier<CompletableFuture<String>> version) {
            super(new DemoSource(CLOCK));
            this.version = version;
        }

        @Override
        public CompletableFuture<String> kubernetesVersion() {
            return version.get();
        }
    }
}
