package dev.skopos.source.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import dev.skopos.source.Subscription;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Informers against the fabric8 mock API server in CRUD mode, with discovery and access reviews scripted. */
@EnableKubernetesMockClient(crud = true)
class LiveClusterObjectsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    KubernetesMockServer server;
    KubernetesClient client;
    private LiveClusterObjects objects;

    @BeforeEach
    void setUp() {
        MockCluster.serveDiscovery(server);
        MockCluster.denyPlurals(server, Set.of("secrets"));
        objects = new LiveClusterObjects(client, Clock.systemUTC(), Duration.ofMillis(250));
    }

    @AfterEach
    void tearDown() {
        objects.close();
    }

    @Test
    void discoveryPicksTheVersionEachIstioKindIsServedIn() {
        List<ResourceKind> served = objects.servedKinds();

        assertThat(served).contains(ResourceKind.POD, ResourceKind.DEPLOYMENT, ResourceKind.ENDPOINT_SLICE);
        assertThat(version(served, ResourceKind.VIRTUAL_SERVICE)).isEqualTo("v1beta1");
        assertThat(version(served, ResourceKind.ENVOY_FILTER)).isEqualTo("v1alpha3");
        assertThat(version(served, ResourceKind.PEER_AUTHENTICATION)).isEqualTo("v1");
        assertThat(served).noneMatch(k -> k.sameKind(ResourceKind.TELEMETRY));
        assertThat(objects.list(ResourceKind.TELEMETRY, Scope.ALL)).isEmpty();
        assertThat(version(served, ResourceKind.PROXY_CONFIG)).isEqualTo("v1beta1");
        assertThat(version(served, ResourceKind.WASM_PLUGIN)).isEqualTo("v1alpha1");
    }

    @Test
    void gatewayApiKindsAreWatchedInTheVersionServedAndKeptApartFromIstiosGateway() {
        List<ResourceKind> served = objects.servedKinds();
        assertThat(version(served, ResourceKind.HTTP_ROUTE)).isEqualTo("v1");
        assertThat(version(served, ResourceKind.TCP_ROUTE)).isEqualTo("v1alpha2");
        assertThat(version(served, ResourceKind.K8S_GATEWAY)).isEqualTo("v1");
        assertThat(version(served, ResourceKind.GATEWAY)).as("Istio's Gateway").isEqualTo("v1beta1");
        assertThat(served).noneMatch(k -> k.sameKind(ResourceKind.GRPC_ROUTE));

        MockCluster.create(client, ResourceKind.K8S_GATEWAY, "shop", "edge", Map.of("gatewayClassName", "istio"));
        MockCluster.create(client, served.stream().filter(k -> k.sameKind(ResourceKind.GATEWAY)).findFirst().orElseThrow(),
                "shop", "bookinfo-gateway", Map.of("selector", Map.of("istio", "ingressgateway")));
        objects.awaitSynced(List.of(ResourceKind.K8S_GATEWAY, ResourceKind.GATEWAY), Duration.ofSeconds(10));
        assertThat(objects.list(ResourceKind.K8S_GATEWAY, Scope.ALL)).extracting(KubeObject::name).containsExactly("edge");
        assertThat(objects.list(ResourceKind.GATEWAY, Scope.ALL)).extracting(KubeObject::name)
                .containsExactly("bookinfo-gateway");
    }

    @Test
    void podsAppearChangeAndDisappearWithSidecarsInContainersOrInitContainers() {
        client.pods().inNamespace("shop").resource(pod("cart", false)).create();
        objects.awaitSynced(List.of(ResourceKind.POD), WAIT);
        client.pods().inNamespace("shop").resource(pod("reviews", true)).create();

        waitFor(() -> objects.list(ResourceKind.POD, Scope.of("shop")).size() == 2);
        List<KubeObject> pods = objects.list(ResourceKind.POD, Scope.of("shop"));
        assertThat(pods).extracting(KubeObject::name).containsExactly("cart", "reviews");
        KubeObject cart = pods.get(0);
        assertThat(cart.raw().path("spec").path("containers").get(1).path("name").asText()).isEqualTo("istio-proxy");
        assertThat(cart.raw().path("kind").asText()).isEqualTo("Pod");
        assertThat(cart.raw().path("apiVersion").asText()).isEqualTo("v1");
        assertThat(pods.get(1).raw().path("spec").path("initContainers").get(0).path("name").asText())
                .isEqualTo("istio-proxy");
        assertThat(cart.labels()).containsEntry("app", "cart");

        client.pods().inNamespace("shop").withName("cart").edit(p -> {
            p.getMetadata().getLabels().put("version", "v2");
            return p;
        });
        waitFor(() -> objects.list(ResourceKind.POD, Scope.of("shop")).get(0).labels().containsKey("version"));

        client.pods().inNamespace("shop").withName("reviews").delete();
        waitFor(() -> objects.list(ResourceKind.POD, Scope.ALL).size() == 1);
        assertThat(objects.list(ResourceKind.POD, Scope.of("other"))).isEmpty();
    }

    @Test
    void servicesAndIstioKindsComeThroughTheSameGenericPath() {
        client.services().inNamespace("shop").resource(new ServiceBuilder().withNewMetadata().withName("cart")
                .endMetadata().withNewSpec().addNewPort().withPort(8080).endPort().endSpec().build()).create();
        ResourceKind vs = new ResourceKind("networking.istio.io", "v1beta1", "VirtualService", "virtualservices", true);
        MockCluster.create(client, vs, "shop", "cart", Map.of("hosts", List.of("cart")));

        // Asked for in v1 (the constant), answered in the version the cluster serves.
        assertThat(objects.awaitSynced(List.of(ResourceKind.SERVICE, ResourceKind.VIRTUAL_SERVICE), WAIT)).isTrue();
        KubeObject found = objects.list(ResourceKind.VIRTUAL_SERVICE, Scope.ALL).get(0);
        assertThat(found.kind().version()).isEqualTo("v1beta1");
        assertThat(found.raw().path("spec").path("hosts").get(0).asText()).isEqualTo("cart");
        assertThat(objects.list(ResourceKind.SERVICE, Scope.of("shop"))).extracting(KubeObject::name).containsExactly("cart");

        ResourceKind ef = new ResourceKind("networking.istio.io", "v1alpha3", "EnvoyFilter", "envoyfilters", true);
        MockCluster.create(client, ef, "istio-system", "stats", Map.of("configPatches", List.of()));
        objects.awaitSynced(List.of(ResourceKind.ENVOY_FILTER), WAIT);
        waitFor(() -> objects.list(ResourceKind.ENVOY_FILTER, Scope.ALL).size() == 1);

        client.genericKubernetesResources(MockCluster.context(vs)).inNamespace("shop").withName("cart").delete();
        waitFor(() -> objects.list(ResourceKind.VIRTUAL_SERVICE, Scope.ALL).isEmpty());
    }

    @Test
    void listenersHearOfChangesDebounced() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        Subscription sub = objects.onChange(calls::incrementAndGet);
        objects.awaitSynced(List.of(ResourceKind.CONFIG_MAP), WAIT);
        Thread.sleep(DebouncedChanges.DEBOUNCE.toMillis() * 2);
        calls.set(0);

        for (int i = 0; i < 20; i++) {
            client.configMaps().inNamespace("shop").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                    .withNewMetadata().withName("cm-" + i).endMetadata().build()).create();
        }
        waitFor(() -> objects.list(ResourceKind.CONFIG_MAP, Scope.ALL).size() == 20);
        Thread.sleep(DebouncedChanges.DEBOUNCE.toMillis() * 2);
        // Twenty creates within a burst: a few notifications, never one per event.
        assertThat(calls.get()).isBetween(1, 10);

        sub.close();
        int before = calls.get();
        client.configMaps().inNamespace("shop").withName("cm-0").delete();
        waitFor(() -> objects.list(ResourceKind.CONFIG_MAP, Scope.ALL).size() == 19);
        Thread.sleep(DebouncedChanges.DEBOUNCE.toMillis() * 2);
        assertThat(calls.get()).isEqualTo(before);
    }

    @Test
    void aForbiddenKindFailsAloneWithTheMissingVerb() {
        assertThatThrownBy(() -> {
            objects.awaitSynced(List.of(ResourceKind.SECRET), WAIT);
            objects.list(ResourceKind.SECRET, Scope.ALL);
        }).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.reason()).isEqualTo(SourceException.Reason.FORBIDDEN);
            assertThat(e.getMessage()).isEqualTo("forbidden: needs list on secrets at cluster scope; try -n NAMESPACE");
        });
        client.pods().inNamespace("shop").resource(pod("cart", false)).create();
        objects.awaitSynced(List.of(ResourceKind.POD), WAIT);
        assertThat(objects.list(ResourceKind.POD, Scope.ALL)).hasSize(1);
        assertThat(objects.watchedKinds()).contains(ResourceKind.POD).doesNotContain(ResourceKind.SECRET);
        assertThat(objects.health().connected()).isTrue();
    }

    @Test
    void informersStartOnFirstUseAndStopOnClose() {
        assertThat(objects.watchedKinds()).isEmpty();
        objects.awaitSynced(List.of(ResourceKind.NAMESPACE, ResourceKind.DEPLOYMENT), WAIT);
        assertThat(objects.watchedKinds()).containsExactlyInAnyOrder(ResourceKind.NAMESPACE, ResourceKind.DEPLOYMENT);

        objects.close();
        waitFor(() -> objects.watchedKinds().isEmpty());
        assertThatThrownBy(() -> objects.list(ResourceKind.POD, Scope.ALL))
                .isInstanceOfSatisfying(SourceException.class,
                        e -> assertThat(e.reason()).isEqualTo(SourceException.Reason.CLOSED));
    }

    @Test
    void listAnswersWithinItsBoundBeforeTheFirstSync() {
        long start = System.nanoTime();
        objects.list(ResourceKind.REPLICA_SET, Scope.ALL);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    static String version(List<ResourceKind> kinds, ResourceKind kind) {
        return kinds.stream().filter(kind::sameKind).findFirst().map(ResourceKind::version).orElse(null);
    }

    static Pod pod(String name, boolean nativeSidecar) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name).addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName(name).withImage("shop/" + name + ":1").endContainer().endSpec();
        if (nativeSidecar) {
            b.editSpec().addNewInitContainer().withName("istio-proxy").withImage("istio/proxyv2:1.27.1")
                    .withRestartPolicy("Always").endInitContainer().endSpec();
        } else {
            b.editSpec().addNewContainer().withName("istio-proxy").withImage("istio/proxyv2:1.27.1").endContainer().endSpec();
        }
        return b.build();
    }

    static void waitFor(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
