package dev.skopos.source.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The API server going away: the informer survives, the cache stays readable, the health record says since when. */
@EnableKubernetesMockClient(crud = true)
class OutageTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void aLostServerIsRecordedAndTheCachedDataStays() {
        MockCluster.serveDiscovery(server);
        MockCluster.denyPlurals(server, Set.of());
        // Reconnect fast and give up on a watch quickly so the outage reaches the informer within the test.
        client.getConfiguration().setWatchReconnectInterval(100);
        client.getConfiguration().setWatchReconnectLimit(1);
        client.pods().inNamespace("shop").resource(LiveClusterObjectsTest.pod("cart", false)).create();
        try (LiveClusterObjects objects = new LiveClusterObjects(client, Clock.systemUTC(), Duration.ofMillis(250))) {
            assertThat(objects.awaitSynced(List.of(ResourceKind.POD), Duration.ofSeconds(10))).isTrue();
            assertThat(objects.health().connected()).isTrue();

            server.destroy();

            LiveClusterObjectsTest.waitFor(() -> !objects.health().connected());
            Health health = objects.health();
            assertThat(health.disconnectedSince()).isNotNull();
            assertThat(health.banner(Instant.now().plus(Health.QUIET_RECONNECT))).contains("data from");
            assertThat(objects.list(ResourceKind.POD, Scope.ALL)).hasSize(1);
            assertThat(objects.watchedKinds()).contains(ResourceKind.POD); // still running, retrying with backoff
        }
    }
}
