package dev.skopos.source.live;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The whole fake API server a live source can be pointed at from outside: fabric8's mock in CRUD
 * mode with discovery and access reviews, pods' port-forwards answered by {@link PortForwardDispatcher},
 * every request counted by {@link RequestTally}, and a {@link TcpRelay} in front so the API server
 * can go away and come back on the same address. Kubeconfigs point at the relay; {@link #client()}
 * talks to the server directly, so objects can change while the relay is down.
 */
public final class MockApiServer implements AutoCloseable {

    /** The mock logs every request at INFO; held, since JUL forgets unreferenced loggers. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private final PortForwardDispatcher forwards = new PortForwardDispatcher();
    private final KubernetesMixedDispatcher store;
    private final RequestTally requests;
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final TcpRelay relay;

    private MockApiServer() throws IOException {
        MOCK_LOG.setLevel(Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> scripted = new HashMap<>();
        store = new KubernetesMixedDispatcher(scripted);
        requests = new RequestTally(forwards.fallback(store));
        server = new KubernetesMockServer(new Context(), new MockWebServer(), scripted, requests, false);
        server.init();
        MockCluster.serveDiscovery(server);
        MockCluster.denyPlurals(server, Set.of());
        client = server.createClient();
        relay = TcpRelay.start(server.getHostName(), server.getPort());
    }

    public static MockApiServer start() throws IOException {
        return new MockApiServer();
    }

    /** A client straight to the server, past the relay: for seeding and for changes during an outage. */
    public KubernetesClient client() {
        return client;
    }

    /**
     * Creates an object (the JSON of a {@code POST} to {@code collectionPath}) straight in the
     * server's store, past HTTP and the tally: thousands of pods in a fraction of the time the
     * client takes, and nobody watches yet.
     */
    public void seed(String collectionPath, Object object) {
        byte[] json = client.getKubernetesSerialization().asJson(object).getBytes(StandardCharsets.UTF_8);
        MockResponse answer = store.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.POST, collectionPath,
                Headers.builder().add("Content-Type", "application/json").build(), new Buffer(json)));
        if (answer.code() != 201) {
            throw new IllegalStateException("seeding " + collectionPath + " answered " + answer.code());
        }
    }

    public TcpRelay relay() {
        return relay;
    }

    public RequestTally requests() {
        return requests;
    }

    PortForwardDispatcher forwards() {
        return forwards;
    }

    /**
     * Takes the API server away, once every listed collection is also watched (bounded wait): see
     * {@link RequestTally#listedButNotWatched()} for why the moment matters with this mock.
     */
    public void down(Duration settle) throws InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        while (!requests.listedButNotWatched().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        relay.down();
    }

    public void up() {
        relay.up();
    }

    /**
     * Writes a kubeconfig whose server is the relay. Contexts: {@code mock} (current), {@code mirror} (the same cluster under a second name, so
     * {@code --context mock,mirror} is a two-cluster view) and {@code nowhere} (nothing listens).
     */
    public Path writeKubeconfig(Path file) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(part, """
                apiVersion: v1
                kind: Config
                clusters:
                - {name: mock, cluster: {server: "%s", insecure-skip-tls-verify: true}}
                - {name: nowhere, cluster: {server: "http://127.0.0.1:9", insecure-skip-tls-verify: true}}
                users: [{name: mock, user: {token: mock}}]
                contexts:
                - {name: mock, context: {cluster: mock, user: mock, namespace: default}}
                - {name: mirror, context: {cluster: mock, user: mock}}
                - {name: nowhere, context: {cluster: nowhere, user: mock}}
                current-context: mock
                """.formatted(relay.url()));
        // Whoever waits for the file never reads half of it.
        return Files.move(part, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        relay.close();
        client.close();
        server.destroy();
    }
}
