package dev.skopos.source.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.EnvoyAdmin;
import dev.skopos.source.IstiodDebug;
import dev.skopos.source.LogStreams;
import dev.skopos.source.PortForwards;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.SourceInfo;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The live source's wiring: info from the context and istiod's image tags, plugged-in parts, close. */
@EnableKubernetesMockClient(crud = true)
class LiveSourceTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void infoNamesTheContextAndTheIstiodVersions() {
        MockCluster.serveDiscovery(server);
        MockCluster.denyPlurals(server, Set.of());
        for (String tag : List.of("1.27.1", "1.26.4-distroless")) {
            client.pods().inNamespace("istio-system").resource(new PodBuilder()
                    .withNewMetadata().withName("istiod-" + tag.substring(0, 4)).addToLabels("app", "istiod").endMetadata()
                    .withNewSpec().addNewContainer().withName("discovery").withImage("docker.io/istio/pilot:" + tag)
                    .endContainer().endSpec().build()).create();
        }
        AtomicBoolean forwardsClosed = new AtomicBoolean();
        KubeConnection connection = KubeConnection.of(client, "kind-mesh");
        LiveClusterObjects objects = new LiveClusterObjects(client, Clock.systemUTC(), Duration.ofMillis(250));
        LiveSource source = new LiveSource(connection, objects, (c, o) -> new LiveSource.Parts(
                fake(EnvoyAdmin.class), fake(IstiodDebug.class), fake(LogStreams.class), closingForwards(forwardsClosed)));
        try {
            objects.awaitSynced(List.of(ResourceKind.POD), Duration.ofSeconds(10));
            SourceInfo info = source.info();
            assertThat(info.kind()).isEqualTo(SourceInfo.Kind.LIVE);
            assertThat(info.contexts()).containsExactly("kind-mesh");
            assertThat(info.label()).isEqualTo("kind-mesh");
            assertThat(info.istioVersions()).containsExactly("1.26.4", "1.27.1");
            assertThat(source.health().banner(Instant.now())).isEmpty();
        } finally {
            source.close();
        }
        assertThat(forwardsClosed).isTrue();
        assertThat(objects.watchedKinds()).isEmpty();
    }

    @Test
    void imageTagsWithRegistriesPortsAndDigests() {
        assertThat(LiveSource.imageTag("gcr.io/istio-release/pilot:1.27.1")).isEqualTo("1.27.1");
        assertThat(LiveSource.imageTag("registry:5000/pilot:1.25.0-distroless")).isEqualTo("1.25.0");
        assertThat(LiveSource.imageTag("registry:5000/pilot")).isNull();
        assertThat(LiveSource.imageTag("istio/pilot@sha256:abc")).isNull();
    }

    @Test
    void theBannerSaysHowOldTheDataIs() {
        Instant broke = Instant.parse("2026-11-27T10:00:00Z");
        Health down = new Health(false, broke, null, "pods: API server unreachable: Connection refused", broke);
        assertThat(down.banner(broke.plusSeconds(130)))
                .isEqualTo("pods: API server unreachable: Connection refused, data from 2m ago");
        assertThat(Health.combine(List.of(Health.IDLE, down)).connected()).isFalse();
    }

    private static PortForwards closingForwards(AtomicBoolean closed) {
        return (PortForwards) Proxy.newProxyInstance(LiveSourceTest.class.getClassLoader(),
                new Class<?>[] {PortForwards.class, AutoCloseable.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && (args == null || args.length == 0)) {
                        closed.set(true);
                    }
                    return null;
                });
    }

    private static <T> T fake(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(LiveSourceTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                }));
    }
}
