package dev.skopos.source.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Watches, not polling: once the informers have synced, an idle cluster costs no requests. A short
 * bounded idle here (3 s, repeated list() calls as a busy UI would make them); the whole shell over
 * 2,000 pods is ApiEconomyTest, and the 60 s is bench/api-economy.sh.
 */
@EnableKubernetesMockClient(crud = true)
class IdleRequestsTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void noListRequestsAfterTheInitialSync() throws InterruptedException {
        MockCluster.serveDiscovery(server);
        MockCluster.denyPlurals(server, Set.of());
        client.pods().inNamespace("shop").resource(LiveClusterObjectsTest.pod("cart", false)).create();
        List<ResourceKind> kinds = List.of(ResourceKind.POD, ResourceKind.SERVICE, ResourceKind.ENDPOINT_SLICE,
                ResourceKind.VIRTUAL_SERVICE, ResourceKind.DESTINATION_RULE);
        try (LiveClusterObjects objects = new LiveClusterObjects(client, Clock.systemUTC(), Duration.ofMillis(250))) {
            assertThat(objects.awaitSynced(kinds, Duration.ofSeconds(10))).isTrue();
            List<RecordedRequest> startup = drain(server);
            assertThat(startup).anyMatch(r -> isList(r) && r.getPath().startsWith("/api/v1/pods"));

            long idleUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < idleUntil) {
                for (ResourceKind kind : kinds) {
                    objects.list(kind, Scope.ALL);
                }
                Thread.sleep(100);
            }
            List<RecordedRequest> idle = drain(server);
            assertThat(idle).as("requests while idle").noneMatch(IdleRequestsTest::isList);
            assertThat(idle).as("requests while idle").isEmpty();
        }
    }

    private static boolean isList(RecordedRequest r) {
        return "GET".equals(r.getMethod()) && !r.getPath().contains("watch=true");
    }

    private static List<RecordedRequest> drain(KubernetesMockServer server) throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(200, TimeUnit.MILLISECONDS)) != null) {
            out.add(r);
        }
        return out;
    }
}
