package dev.skopos.source.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.IstiodInstance;
import dev.skopos.source.ResourceKind;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The wiring the CLI uses: istiod replicas are found among the cached pods for the debug parts. */
@EnableKubernetesMockClient(crud = true)
class LiveSourcesTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void istiodReplicasComeFromTheirPodsWithRevisionAndVersion() {
        MockCluster.serveDiscovery(server);
        MockCluster.denyPlurals(server, Set.of());
        client.pods().inNamespace("istio-system").resource(new PodBuilder()
                .withNewMetadata().withName("istiod-canary-7f9c6-abcde").addToLabels("app", "istiod")
                .addToLabels("istio.io/rev", "canary").endMetadata()
                .withNewSpec().addNewContainer().withName("discovery").withImage("docker.io/istio/pilot:1.27.3")
                .endContainer().endSpec().build()).create();
        client.pods().inNamespace("istio-system").resource(new PodBuilder()
                .withNewMetadata().withName("istio-ingressgateway-1").addToLabels("app", "istio-ingressgateway")
                .endMetadata().withNewSpec().addNewContainer().withName("istio-proxy").withImage("proxyv2:1.27.3")
                .endContainer().endSpec().build()).create();
        LiveClusterObjects objects = new LiveClusterObjects(client, Clock.systemUTC(), Duration.ofMillis(250));
        try {
            objects.awaitSynced(List.of(ResourceKind.POD), Duration.ofSeconds(10));
            List<IstiodInstance> istiods = LiveSources.istiods(objects);
            assertThat(istiods).hasSize(1);
            assertThat(istiods.get(0).name()).isEqualTo("istiod-canary-7f9c6-abcde");
            assertThat(istiods.get(0).revision()).isEqualTo("canary");
            assertThat(istiods.get(0).version()).isEqualTo("1.27.3");
        } finally {
            objects.close();
        }
    }
}
