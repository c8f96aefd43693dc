package dev.skopos.source.live;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A mock API server with an identity whose RBAC denies some kinds, everywhere or outside a few
 * namespaces (access reviews and LISTs agree, as on a real cluster), with CRUD objects, the
 * discovery documents of {@link MockCluster} and port-forwards to canned Envoy answers. Public so
 * the CLI's tests can point a kubeconfig at it.
 */
public final class RestrictedCluster implements AutoCloseable {

    /** The mock logs every request at INFO to the console; tests print nothing. Held: JUL forgets loggers. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private final PortForwardDispatcher forwards = new PortForwardDispatcher();
    private final RbacDispatcher rbac = new RbacDispatcher(forwards);
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    public RestrictedCluster() {
        MOCK_LOG.setLevel(Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        forwards.fallback(new KubernetesMixedDispatcher(responses));
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, rbac, false);
        server.init();
        MockCluster.serveDiscovery(server);
        client = server.createClient();
    }

    /** This identity may not list or watch these plurals anywhere. */
    public RestrictedCluster deny(String... plurals) {
        for (String plural : plurals) {
            rbac.deny(plural);
        }
        return this;
    }

    /** This identity may list and watch the plural only in these namespaces (a RoleBinding each). */
    public RestrictedCluster allowOnlyIn(String plural, String... namespaces) {
        rbac.allowOnlyIn(plural, Set.of(namespaces));
        return this;
    }

    /** Access reviews themselves are forbidden, so only the LISTs' 403s tell. */
    public RestrictedCluster forbidAccessReviews() {
        rbac.forbidAccessReviews();
        return this;
    }

    /** Envoy (or istiod) in the pod answers GET {@code path} on {@code port} through a port-forward. */
    public RestrictedCluster answer(String namespace, String pod, int port, String path, String body) {
        forwards.answer(namespace, pod, port, path, body);
        return this;
    }

    /** What {@code /version} answers, e.g. {@code v1.27.3}. */
    public RestrictedCluster kubernetesVersion(String gitVersion) {
        String minor = gitVersion.replaceFirst("^v?\\d+\\.(\\d+).*$", "$1");
        server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor(minor).withGitVersion(gitVersion)
                .build());
        return this;
    }

    /** A pod with an {@code istio-proxy} sidecar, labelled {@code app=NAME}. */
    public RestrictedCluster proxyPod(String namespace, String name) {
        return pod(namespace, LiveClusterObjectsTest.pod(name, false));
    }

    /** A VirtualService bound to a gateway, through generic resources (no CRD needed in CRUD mode). */
    public RestrictedCluster virtualService(String namespace, String name, String gateway) {
        MockCluster.create(client, new dev.skopos.source.ResourceKind("networking.istio.io", "v1beta1",
                "VirtualService", "virtualservices", true), namespace, name,
                Map.of("hosts", List.of(name), "gateways", List.of(gateway)));
        return this;
    }

    /** Creates a pod (seeding is not subject to the identity's RBAC). */
    public RestrictedCluster pod(String namespace, Pod pod) {
        client.pods().inNamespace(namespace).resource(pod).create();
        return this;
    }

    /** The LISTs and WATCHes that reached the API server, e.g. {@code list pods in shop}. */
    public List<String> collectionRequests() {
        return rbac.collectionRequests();
    }

    /** A kubeconfig with one context, {@code restricted}, pointing at this server. */
    public Path kubeconfig(Path dir) throws IOException {
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: "%s", insecure-skip-tls-verify: true}}]
                users: [{name: oncall, user: {token: oncall}}]
                contexts: [{name: restricted, context: {cluster: mock, user: oncall, namespace: default}}]
                current-context: restricted
                """.formatted(client.getMasterUrl().toString()));
        return file;
    }

    public KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
