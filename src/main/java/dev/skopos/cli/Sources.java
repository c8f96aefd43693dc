package dev.skopos.cli;

import dev.skopos.source.MeshSource;
import dev.skopos.source.SourceException;
import dev.skopos.source.demo.DemoSource;
import dev.skopos.source.live.LiveSources;
import dev.skopos.source.multi.MultiClusterSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

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
        boolean complete = awaitSynced(source, List.of(dev.skopos.source.ResourceKind.POD,
                dev.skopos.source.ResourceKind.NAMESPACE), dev.skopos.source.Scope.of(options.namespace));
        // One cluster that cannot be listed: say why (API server unreachable...) rather than print an
        // empty table. Several clusters print what the others have and name the failing one instead.
        String why = source.unavailable();
        if (!complete && !why.isEmpty() && !(source instanceof MultiClusterSource)) {
            source.close();
            throw new SourceException(SourceException.Reason.UNREACHABLE, why);
        }
        return source;
    }

    /**
     * Blocks (bounded) until a live source has listed these kinds; the demo is always complete. A
     * kind the identity may list only in some namespaces is waited for in {@code scope}'s. Several
     * clusters wait side by side, so one unreachable cluster costs one timeout, not one each. False
     * when some kind is not listed yet: the timeout passed, or its first LIST failed.
     */
    static boolean awaitSynced(MeshSource source, java.util.Collection<dev.skopos.source.ResourceKind> kinds,
                               dev.skopos.source.Scope scope) {
        if (source instanceof MultiClusterSource multi) {
            ExecutorService waiters = Executors.newCachedThreadPool(daemon("skopos-sync-wait"));
            try {
                List<CompletableFuture<Boolean>> each = multi.clusters().values().stream()
                        .map(cluster -> CompletableFuture.supplyAsync(() -> awaitSynced(cluster, kinds, scope), waiters))
                        .toList();
                return each.stream().map(CompletableFuture::join).toList().stream().allMatch(Boolean::booleanValue);
            } finally {
                waiters.shutdownNow();
            }
        } else if (source instanceof dev.skopos.source.live.LiveSource live
                && live.objects() instanceof dev.skopos.source.live.LiveClusterObjects objects) {
            return objects.awaitSynced(kinds, scope, SYNC_WAIT);
        }
        return true;
    }

    /** Live clusters with Envoy's usual admin port. */
    static MeshSource live(Path kubeconfig, List<String> contexts, Executor executor) throws Unsupported {
        return live(kubeconfig, contexts, ENVOY_ADMIN_PORT, executor);
    }

    /**
     * The live clusters of these contexts (none: the kubeconfig's current one). Several contexts
     * are opened side by side (exec credential plugins can take seconds each) and watched as one
     * mesh; a context that cannot be opened (unknown, no server) refuses them all, naming it.
     */
    static MeshSource live(Path kubeconfig, List<String> contexts, int adminPort, Executor executor)
            throws Unsupported {
        if (adminPort < 1 || adminPort > 65535) {
            throw new Unsupported("--proxy-admin-port " + adminPort + " is not a port (1-65535)");
        }
        List<String> names = contexts == null ? List.of()
                : contexts.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
        if (names.size() <= 1) {
            try {
                return LiveSources.open(kubeconfig, names.isEmpty() ? null : names.get(0), adminPort, executor);
            } catch (SourceException e) {
                throw new Unsupported(e.getMessage());
            }
        }
        // Own threads: the caller may itself run on the executor it hands the sources.
        ExecutorService openers = Executors.newCachedThreadPool(daemon("skopos-open-context"));
        Map<String, CompletableFuture<MeshSource>> opening = new LinkedHashMap<>();
        try {
            for (String context : names) {
                opening.put(context, CompletableFuture.supplyAsync(
                        () -> LiveSources.open(kubeconfig, context, adminPort, executor), openers));
            }
            Map<String, MeshSource> opened = new LinkedHashMap<>();
            List<String> refused = new ArrayList<>();
            opening.forEach((context, future) -> {
                try {
                    opened.put(context, future.join());
                } catch (CompletionException e) {
                    refused.add("context " + context + ": " + SourceException.describe(e));
                }
            });
            if (!refused.isEmpty()) {
                opened.values().forEach(MeshSource::close);
                throw new Unsupported(String.join("; ", refused));
            }
            return new MultiClusterSource(opened, executor);
        } finally {
            openers.shutdownNow();
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
