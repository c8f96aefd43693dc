package dev.skopos.cli;

import dev.skopos.source.MeshSource;
import dev.skopos.source.SourceException;
import dev.skopos.source.demo.DemoSource;
import dev.skopos.source.live.LiveSources;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Opens the {@link MeshSource} that {@link SourceOptions} name; the one place commands pick an implementation. */
final class Sources {

    /** Envoy's admin port in Istio's proxies, unless --proxy-admin-port says otherwise. */
    static final int ENVOY_ADMIN_PORT = 15000;

    /** The source cannot be opened with these options: a usage problem (exit 2). */
    static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message);
        }
    }

    /** Port-forward HTTP and parsing run here; daemon threads, so a one-shot command can just exit. */
    private static final ExecutorService BACKGROUND = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "skopos-live");
        t.setDaemon(true);
        return t;
    });

    private Sources() {
    }

    /** How long a one-shot command waits for the cluster's objects before printing. */
    static final java.time.Duration SYNC_WAIT = java.time.Duration.ofSeconds(30);

    /** For one-shot commands: a live source waits until pods and namespaces are listed, so output is complete. */
    static MeshSource open(SourceOptions options) throws Unsupported {
        if (options.demo) {
            return DemoSource.create();
        }
        MeshSource source = live(options.kubeconfig, options.contexts, options.proxyAdminPort, BACKGROUND);
        awaitSynced(source, List.of(dev.skopos.source.ResourceKind.POD, dev.skopos.source.ResourceKind.NAMESPACE),
                dev.skopos.source.Scope.of(options.namespace));
        return source;
    }

    /**
     * Blocks (bounded) until a live source has listed these kinds; the demo is always complete. A
     * kind the identity may list only in some namespaces is waited for in {@code scope}'s.
     */
    static void awaitSynced(MeshSource source, java.util.Collection<dev.skopos.source.ResourceKind> kinds,
                            dev.skopos.source.Scope scope) {
        if (source instanceof dev.skopos.source.live.LiveSource live
                && live.objects() instanceof dev.skopos.source.live.LiveClusterObjects objects) {
            objects.awaitSynced(kinds, scope, SYNC_WAIT);
        }
    }

    /** A live cluster; several contexts at once are a later step, so more than one is refused clearly. */
    static MeshSource live(Path kubeconfig, List<String> contexts, int adminPort, java.util.concurrent.Executor executor)
            throws Unsupported {
        if (adminPort < 1 || adminPort > 65535) {
            throw new Unsupported("--proxy-admin-port " + adminPort + " is not a port (1-65535)");
        }
        if (contexts != null && contexts.size() > 1) {
            throw new Unsupported("watching several contexts at once is not supported yet; pass one --context");
        }
        String context = contexts == null || contexts.isEmpty() ? null : contexts.get(0);
        try {
            return LiveSources.open(kubeconfig, context, adminPort, executor);
        } catch (SourceException e) {
            throw new Unsupported(e.getMessage());
        }
    }
}
