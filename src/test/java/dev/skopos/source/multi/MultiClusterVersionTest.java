package dev.skopos.source.multi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.ForwardingMeshSource;
import dev.skopos.source.MeshSource;
import dev.skopos.source.SourceException;
import dev.skopos.source.demo.DemoSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What several clusters answer as one: the oldest Kubernetes version, and ctrl-r reaching every cluster. */
class MultiClusterVersionTest {

    /** A demo cluster reporting a chosen version (null: fails) and counting forgetAnswers calls. */
    static final class Versioned extends ForwardingMeshSource {
        private final String version;
        final AtomicInteger forgotten = new AtomicInteger();

        Versioned(String version) {
            super(DemoSource.create());
            this.version = version;
        }

        @Override
        public CompletableFuture<String> kubernetesVersion() {
            return version == null
                    ? CompletableFuture.failedFuture(new SourceException(SourceException.Reason.UNREACHABLE, "down"))
                    : CompletableFuture.completedFuture(version);
        }

        @Override
        public void forgetAnswers() {
            forgotten.incrementAndGet();
        }
    }

    private static MultiClusterSource of(MeshSource... clusters) {
        Map<String, MeshSource> named = new LinkedHashMap<>();
        for (int i = 0; i < clusters.length; i++) {
            named.put("c" + i, clusters[i]);
        }
        return new MultiClusterSource(named, Runnable::run);
    }

    @Test
    void theOldestVersionSpeaksForTheMeshSoItsSupportIsChecked() {
        try (MultiClusterSource multi = of(new Versioned("v1.33.2"), new Versioned("v1.29.10-gke.100"),
                new Versioned("v1.31.0"))) {
            assertThat(multi.kubernetesVersion().join()).isEqualTo("v1.29.10-gke.100");
        }
        try (MultiClusterSource multi = of(new Versioned("v1.9.0"), new Versioned("v1.10.1"))) {
            assertThat(multi.kubernetesVersion().join()).as("numbers, not text").isEqualTo("v1.9.0");
        }
    }

    @Test
    void aClusterThatCannotSayIsLeftOutAndNoneAnsweringIsUnknown() {
        try (MultiClusterSource multi = of(new Versioned(null), new Versioned("v1.32.1"))) {
            assertThat(multi.kubernetesVersion().join()).isEqualTo("v1.32.1");
        }
        try (MultiClusterSource multi = of(new Versioned(null), new Versioned("garbage"))) {
            assertThat(multi.kubernetesVersion().join()).isEqualTo("garbage");
        }
        try (MultiClusterSource multi = of(new Versioned(null))) {
            assertThat(multi.kubernetesVersion().join()).isNull();
        }
    }

    @Test
    void refreshForgetsTheAnswersOfEveryCluster() {
        Versioned a = new Versioned("v1.33.0");
        Versioned b = new Versioned("v1.33.0");
        try (MultiClusterSource multi = of(a, b)) {
            multi.forgetAnswers();
        }
        assertThat(a.forgotten).hasValue(1);
        assertThat(b.forgotten).hasValue(1);
    }
}
