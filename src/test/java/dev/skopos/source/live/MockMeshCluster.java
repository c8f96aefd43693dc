package dev.skopos.source.live;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One cluster of a multi-cluster test: a CRUD mock API server holding an istiod and one sidecar
 * pod in {@code shop}, whose port-forwards answer istiod's {@code /debug/syncz} (reporting the
 * sidecar under this cluster's CLUSTER_ID) and Envoy's admin pages. Public so tests of the
 * command line can open it through a kubeconfig, as a user would.
 */
public final class MockMeshCluster implements AutoCloseable {

    /** The mock logs every request at INFO to the console; tests print nothing. Held: JUL forgets loggers. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    public final String istiod;
    public final String sidecar;
    private final PortForwardDispatcher dispatcher = new PortForwardDispatcher();
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    /**
     * @param clusterId the CLUSTER_ID istiod reports for its proxies
     * @param suffix    makes pod names differ between clusters, as their hashes do
     */
    public MockMeshCluster(String clusterId, String suffix) {
        this(clusterId, suffix, Set.of());
    }

    /** @param deniedPlurals kinds this identity may not list or watch ({@code pods}: a cluster that hides everything) */
    public MockMeshCluster(String clusterId, String suffix, Set<String> deniedPlurals) {
        MOCK_LOG.setLevel(Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        dispatcher.fallback(new KubernetesMixedDispatcher(responses));
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
        server.init();
        MockCluster.serveDiscovery(server);
        MockCluster.denyPlurals(server, deniedPlurals);
        client = server.createClient();
        istiod = "istiod-7f9c6-" + suffix;
        sidecar = "cart-5d8f7-" + suffix;
        client.pods().inNamespace("istio-system").resource(pod("istio-system", istiod, "istiod",
                "discovery", "docker.io/istio/pilot:1.27.3")).create();
        client.pods().inNamespace("shop").resource(pod("shop", sidecar, "cart",
                "istio-proxy", "docker.io/istio/proxyv2:1.27.3")).create();
        dispatcher.answer("istio-system", istiod, 15014, "/debug/syncz", """
                [{"proxy": "%s.shop", "cluster_id": "%s", "istio_version": "1.27.3",
                  "cluster_sent": "n1", "cluster_acked": "n1", "listener_sent": "n2", "listener_acked": "n2",
                  "route_sent": "n3", "route_acked": "n3", "endpoint_sent": "n4", "endpoint_acked": "n4"}]
                """.formatted(sidecar, clusterId));
        dispatcher.answer("shop", sidecar, 15000, "/server_info", "{\"state\": \"LIVE\", \"cluster\": \"" + suffix + "\"}");
        dispatcher.answer("shop", sidecar, 15000, "/config_dump", "{\"configs\": []}");
    }

    /** The API server's URL, for a kubeconfig. */
    public String server() {
        return client.getMasterUrl().toString();
    }

    /** How many requests reached {@code GET path} on the pod's port through a port-forward. */
    public int hits(String namespace, String pod, int port, String path) {
        return dispatcher.hits(namespace, pod, port, "GET", path);
    }

    /** A kubeconfig with one context per cluster, named as given; the first is current. */
    public static String kubeconfig(Map<String, String> serversByContext) {
        StringBuilder clusters = new StringBuilder();
        StringBuilder contexts = new StringBuilder();
        for (Map.Entry<String, String> e : serversByContext.entrySet()) {
            clusters.append("- {name: ").append(e.getKey()).append(", cluster: {server: \"").append(e.getValue())
                    .append("\", insecure-skip-tls-verify: true}}\n");
            contexts.append("- {name: ").append(e.getKey()).append(", context: {cluster: ").append(e.getKey())
                    .append(", user: mock, namespace: default}}\n");
        }
        return "apiVersion: v1\nkind: Config\nclusters:\n" + clusters + "users: [{name: mock, user: {token: mock}}]\n"
                + "contexts:\n" + contexts + "current-context: " + List.copyOf(serversByContext.keySet()).get(0) + "\n";
    }

    private static Pod pod(String ns, String name, String app, String container, String image) {
        var proxyOrDiscovery = new ContainerBuilder().withName(container).withImage(image).build();
        var appContainer = new ContainerBuilder().withName("app").withImage("shop/" + app + ":1").build();
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name).withNamespace(ns).addToLabels("app", app)
                .withCreationTimestamp("2026-11-20T10:00:00Z").endMetadata();
        var spec = container.equals("discovery") ? b.withNewSpec().addToContainers(proxyOrDiscovery)
                : b.withNewSpec().addToContainers(appContainer, proxyOrDiscovery);
        return spec.endSpec().withNewStatus().withPhase("Running").endStatus().build();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
