package dev.skopos.source.live;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A small mesh on fabric8's mock API server, for trying {@code skopos --kubeconfig K} by hand
 * and for the live end-to-end test: istiod, a classic sidecar and a native sidecar pod, a Service.
 * {@code java -cp target/test-classes:target/skopos.jar:$(deps) dev.skopos.source.live.MockApiServerMain KUBECONFIG SECONDS}
 */
public final class MockApiServerMain {

    private MockApiServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path kubeconfig = Path.of(args[0]);
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 120;
        // CRUD for objects plus scripted answers (discovery, access reviews), as @EnableKubernetesMockClient(crud = true).
        java.util.Map<io.fabric8.mockwebserver.ServerRequest, java.util.Queue<io.fabric8.mockwebserver.ServerResponse>>
                responses = new java.util.HashMap<>();
        KubernetesMockServer server = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(),
                new io.fabric8.mockwebserver.MockWebServer(), responses,
                new io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher(responses), false);
        server.init();
        MockCluster.serveDiscovery(server);
        MockCluster.denyPlurals(server, Set.of());
        KubernetesClient client = server.createClient();
        seed(client);
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "%s", insecure-skip-tls-verify: true}}]
                users: [{name: mock, user: {token: mock}}]
                contexts: [{name: mock, context: {cluster: mock, user: mock, namespace: default}}]
                current-context: mock
                """.formatted(client.getMasterUrl().toString()));
        Thread.sleep(seconds * 1000);
        server.destroy();
    }

    static void seed(KubernetesClient client) {
        client.pods().inNamespace("istio-system").resource(pod("istio-system", "istiod-7f9c6b8d5-kx2vq", "istiod",
                false, "docker.io/istio/pilot:1.27.3", "discovery")).create();
        client.pods().inNamespace("shop").resource(pod("shop", "cart-5d8f7c9b4-tm4vx", "cart", false,
                "docker.io/istio/proxyv2:1.27.3", "istio-proxy")).create();
        client.pods().inNamespace("shop").resource(pod("shop", "orders-6c9d8b7f5-h2lqw", "orders", true,
                "docker.io/istio/proxyv2:1.27.3", "istio-proxy")).create();
        client.services().inNamespace("shop").resource(new ServiceBuilder().withNewMetadata().withName("cart")
                .withNamespace("shop").endMetadata().withNewSpec().addToSelector("app", "cart").addNewPort()
                .withName("http").withPort(8080).endPort().endSpec().build()).create();
    }

    private static Pod pod(String ns, String name, String app, boolean nativeSidecar, String image, String container) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).addToLabels("app", app)
                .withCreationTimestamp("2026-11-20T10:00:00Z").endMetadata();
        var app0 = new ContainerBuilder().withName(container.equals("discovery") ? "discovery" : "app")
                .withImage(container.equals("discovery") ? image : "shop/" + app + ":1").build();
        var proxy = new ContainerBuilder().withName("istio-proxy").withImage(image).build();
        var spec = b.withNewSpec().addToContainers(app0);
        if (container.equals("istio-proxy")) {
            if (nativeSidecar) {
                proxy.setRestartPolicy("Always");
                spec.addToInitContainers(proxy);
            } else {
                spec.addToContainers(proxy);
            }
        }
        return spec.endSpec().withNewStatus().withPhase("Running").endStatus().build();
    }
}
