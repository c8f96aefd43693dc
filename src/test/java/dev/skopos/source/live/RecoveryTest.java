package dev.skopos.source.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API server goes away and comes back (a relay in front of the mock, the kubeconfig pointing
 * at the relay): the live source reports stale data while it is gone, keeps the rows, and once it
 * is back is current again, with what changed meanwhile (the informer re-lists and re-watches).
 */
class RecoveryTest {

    @Test
    void aReturningApiServerMakesTheDataCurrentAgainWithWhatChangedMeanwhile(@TempDir Path dir) throws Exception {
        ExecutorService executor = Executors.newCachedThreadPool();
        try (MockApiServer api = MockApiServer.start()) {
            api.client().pods().inNamespace("shop").resource(LiveClusterObjectsTest.pod("cart", false)).create();
            LiveSource source = LiveSources.open(api.writeKubeconfig(dir.resolve("kubeconfig")), null,
                    LiveEnvoyAdmin.DEFAULT_ADMIN_PORT, executor);
            // The production backoff (re-watch after 1, 2, 4 s) made short, so the outage reaches the informer at once.
            source.connection().client().getConfiguration().setWatchReconnectInterval(100);
            source.connection().client().getConfiguration().setWatchReconnectLimit(1);
            try {
                LiveClusterObjects objects = (LiveClusterObjects) source.objects();
                assertThat(objects.awaitSynced(List.of(ResourceKind.POD), Duration.ofSeconds(10))).isTrue();
                assertThat(source.staleness(Instant.now())).isEmpty();

                api.down(Duration.ofSeconds(5));
                LiveClusterObjectsTest.waitFor(() -> !source.health().connected());
                assertThat(source.staleness(Instant.now().plus(Health.QUIET_RECONNECT))).contains("data from");
                assertThat(names(objects)).containsExactly("cart");

                // Changed while skopos cannot see it: only the re-watch (or a re-list) after the outage can tell.
                // Not a delete: the mock keeps no history, so a re-watch from the old resourceVersion
                // cannot replay one (a real API server does, or answers 410 and fabric8 re-lists).
                api.client().pods().inNamespace("shop").resource(LiveClusterObjectsTest.pod("orders", true)).create();
                api.client().pods().inNamespace("shop").withName("cart")
                        .edit(p -> new PodBuilder(p).editMetadata().addToLabels("version", "v2").endMetadata().build());

                api.up();
                LiveClusterObjectsTest.waitFor(() -> source.health().connected());
                assertThat(source.staleness(Instant.now())).isEmpty();
                LiveClusterObjectsTest.waitFor(() -> names(objects).equals(List.of("cart", "orders")));
                LiveClusterObjectsTest.waitFor(() -> "v2".equals(pod(objects, "cart").labels().get("version")));

                // And the watch is live again: a change now arrives without another outage.
                api.client().pods().inNamespace("shop").withName("orders").delete();
                LiveClusterObjectsTest.waitFor(() -> names(objects).equals(List.of("cart")));
            } finally {
                source.close();
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static KubeObject pod(LiveClusterObjects objects, String name) {
        return objects.list(ResourceKind.POD, Scope.ALL).stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static List<String> names(LiveClusterObjects objects) {
        return objects.list(ResourceKind.POD, Scope.ALL).stream().map(KubeObject::name).toList();
    }
}
