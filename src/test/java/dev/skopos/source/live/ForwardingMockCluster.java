package dev.skopos.source.live;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A fabric8 mock API server whose port-forwards reach canned Envoy and istiod answers. */
final class ForwardingMockCluster implements AutoCloseable {

    /** The mock logs every request at INFO to the console; tests print nothing. Held: JUL forgets loggers. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    final PortForwardDispatcher dispatcher = new PortForwardDispatcher();
    final KubernetesMockServer server;
    final KubernetesClient client;
    final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "live-test");
        t.setDaemon(true);
        return t;
    });

    ForwardingMockCluster() {
        MOCK_LOG.setLevel(Level.WARNING);
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        client = server.createClient();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
        executor.shutdownNow();
    }
}
