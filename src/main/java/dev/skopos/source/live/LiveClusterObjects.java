package dev.skopos.source.live;

import dev.skopos.source.ClusterObjects;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import dev.skopos.source.SourceException.Reason;
import dev.skopos.source.Subscription;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cluster objects from shared informers, one per kind, started the first time anybody lists that
 * kind (a view that never shows EnvoyFilters never watches them) and stopped by {@link #close()}
 * (a context switch closes the whole source).
 *
 * <p>{@link #list} never waits on the network for longer than {@code firstSyncWait} (250 ms by
 * default), and only on the first call for a kind: before the informer's first LIST is in it
 * answers what is there (often nothing) and the change listeners fire once the data arrives. So it
 * is safe on the GUI thread. One-shot commands that need complete data call {@link #awaitSynced}.
 *
 * <p>Identities that may list a kind only in some namespaces (pods in their team's) get, when they
 * ask for one namespace, an informer on that namespace alone after its own access review. Such
 * informers stop once nobody has listed them for {@link #NAMESPACED_IDLE}.
 */
public final class LiveClusterObjects implements ClusterObjects, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LiveClusterObjects.class.getName());
    public static final Duration DEFAULT_FIRST_SYNC_WAIT = Duration.ofMillis(250);
    /** Discovery is a few bounded requests; servedKinds() waits at most this long for it. */
    private static final Duration DISCOVERY_WAIT = KubeConnection.REQUEST_TIMEOUT.multipliedBy(2);
    /** A namespace's informer unread this long is stopped (the user moved on with :ns). */
    static final Duration NAMESPACED_IDLE = Duration.ofMinutes(2);

    private final KubernetesClient client;
    private final Clock clock;
    private final Duration firstSyncWait;
    private final ExecutorService starter = Executors.newCachedThreadPool(daemon("skopos-informer-start"));
    private final DebouncedChanges changes = new DebouncedChanges();
    /** Keyed by group, kind and namespace, whatever version the cluster serves; a null watch: the kind is not served. */
    private final ConcurrentMap<WatchKey, CompletableFuture<KindWatch>> watches = new ConcurrentHashMap<>();
    /** When the last sweep for unused namespace informers ran (System.nanoTime()). */
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());
    private CompletableFuture<List<ResourceKind>> discovery;
    private volatile boolean closed;

    /** Which informer: a kind in all namespaces ({@code namespace} null) or in one. */
    private record WatchKey(String group, String kind, String namespace) {
        static WatchKey of(ResourceKind kind, String namespace) {
            return new WatchKey(kind.group(), kind.kind(), namespace);
        }
    }

    public LiveClusterObjects(KubeConnection connection) {
        this(connection.client(), Clock.systemUTC(), DEFAULT_FIRST_SYNC_WAIT);
    }

    LiveClusterObjects(KubernetesClient client, Clock clock, Duration firstSyncWait) {
        this.client = client;
        this.clock = clock;
        this.firstSyncWait = firstSyncWait;
        discovery(); // discovery runs while the first frame is drawn
    }

    /**
     * The cached objects. When the identity may not list the kind in all namespaces, a scope of one
     * namespace is served by that namespace's own informer, and {@link Scope#ALL} throws FORBIDDEN
     * with the way out ({@code try -n NAMESPACE}).
     */
    @Override
    public List<KubeObject> list(ResourceKind kind, Scope scope) {
        if (closed) {
            throw new SourceException(Reason.CLOSED, "the cluster connection is closed");
        }
        long now = System.nanoTime();
        long last = lastSweep.get();
        // Views list every few seconds, so this is often enough to notice a namespace left behind.
        if (now - last > NAMESPACED_IDLE.toNanos() / 4 && lastSweep.compareAndSet(last, now)) {
            stopNamespacedUnusedSince(now - NAMESPACED_IDLE.toNanos());
        }
        long deadline = now + firstSyncWait.toNanos();
        KindWatch watch = within(watchFor(kind, null), deadline);
        if (watch == null) {
            return List.of(); // not served, or still starting: listeners hear when it is in
        }
        within(watch.synced(), deadline);
        if (watch.deniedAtClusterScope() && !scope.isAll() && kind.namespaced()) {
            watch = within(watchFor(kind, scope.namespace()), deadline);
            if (watch == null) {
                return List.of();
            }
            within(watch.synced(), deadline);
        }
        return watch.list(scope);
    }

    /** Served kinds from discovery; waits for discovery (bounded), so call it off the GUI thread first. */
    @Override
    public List<ResourceKind> servedKinds() {
        try {
            return discovery().get(DISCOVERY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.FINE, "discovery failed; assuming the built-in kinds", e);
        }
        return builtIn();
    }

    @Override
    public Subscription onChange(Runnable listener) {
        return changes.add(listener);
    }

    /**
     * Starts the kinds' informers and waits (bounded) until each has its first LIST: for one-shot
     * commands that print complete data. False when some kind was not in by the timeout.
     */
    public boolean awaitSynced(Collection<ResourceKind> kinds, Duration timeout) {
        return awaitSynced(kinds, Scope.ALL, timeout);
    }

    /**
     * As {@link #awaitSynced(Collection, Duration)}; with a namespace, a kind the identity may not
     * list in all namespaces is waited for in that namespace, as {@link #list} would serve it.
     */
    public boolean awaitSynced(Collection<ResourceKind> kinds, Scope scope, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean all = true;
        for (ResourceKind kind : kinds) {
            all &= awaitOne(watchFor(kind, null), deadline);
            KindWatch cluster = watchFor(kind, null).getNow(null);
            if (cluster != null && cluster.deniedAtClusterScope() && !scope.isAll() && kind.namespaced()) {
                all &= awaitOne(watchFor(kind, scope.namespace()), deadline);
            }
        }
        return all;
    }

    private static boolean awaitOne(CompletableFuture<KindWatch> f, long deadline) {
        KindWatch w = within(f, deadline);
        if (!f.isDone()) {
            return false;
        }
        if (w != null) {
            within(CompletableFuture.anyOf(w.synced(), w.failedBeforeSync()), deadline);
            return w.synced().isDone();
        }
        return true;
    }

    /** Freshness of everything started so far, for the header banner. */
    public Health health() {
        List<Health> parts = new ArrayList<>();
        for (CompletableFuture<KindWatch> f : watches.values()) {
            KindWatch w = f.getNow(null);
            if (w != null) {
                parts.add(w.health());
            }
        }
        return Health.combine(parts);
    }

    /** The kinds whose informers run now, in the versions served (for tests and the status line). */
    public List<ResourceKind> watchedKinds() {
        return watches.values().stream().map(f -> f.getNow(null)).filter(Objects::nonNull)
                .filter(KindWatch::isRunning).map(KindWatch::kind).distinct().toList();
    }

    /** The informers running now, e.g. {@code pods} and {@code pods in shop}, sorted (for tests and logs). */
    List<String> runningInformers() {
        return watches.values().stream().map(f -> f.getNow(null)).filter(Objects::nonNull)
                .filter(KindWatch::isRunning).map(KindWatch::describe).sorted().toList();
    }

    /**
     * Stops the one-namespace informers last listed before {@code cutoffNanos} (System.nanoTime()):
     * after {@code :ns other} the old namespace is not read any more. All-namespace ones stay.
     */
    void stopNamespacedUnusedSince(long cutoffNanos) {
        for (var entry : watches.entrySet()) {
            KindWatch w = entry.getValue().getNow(null);
            if (entry.getKey().namespace() != null && w != null && w.lastUsedNanos() - cutoffNanos < 0
                    && watches.remove(entry.getKey(), entry.getValue())) {
                LOG.fine(() -> "stopping the unused informer for " + w.describe());
                w.close();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (CompletableFuture<KindWatch> f : watches.values()) {
            f.thenAccept(w -> {
                if (w != null) {
                    w.close();
                }
            });
        }
        changes.close();
        starter.shutdownNow();
    }

    private CompletableFuture<KindWatch> watchFor(ResourceKind kind, String namespace) {
        WatchKey key = WatchKey.of(kind, namespace);
        return watches.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> start(kind, k), starter));
    }

    /** On a starter thread: resolve the served version, check access, start the informer. */
    private KindWatch start(ResourceKind asked, WatchKey key) {
        List<ResourceKind> served;
        try {
            served = discovery().get(DISCOVERY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            if (ServedKinds.isVersioned(asked)) {
                watches.remove(key); // unknown whether served: the next list() tries again
                return null;
            }
            served = builtIn();
        }
        ResourceKind kind = served.stream().filter(asked::sameKind).findFirst().orElse(null);
        if (kind == null || closed) {
            return null;
        }
        KindWatch watch = new KindWatch(kind, key.namespace(), clock, changes::changed);
        try {
            watch.start(client);
        } catch (RuntimeException e) {
            // Closing the source while informers start makes them fail: expected, not worth a warning.
            LOG.log(closed ? Level.FINE : Level.WARNING, "cannot start the informer for " + watch.describe(), e);
            watch.close();
            watches.remove(key);
            return null;
        }
        return watch;
    }

    private synchronized CompletableFuture<List<ResourceKind>> discovery() {
        if (discovery == null || discovery.isCompletedExceptionally()) {
            discovery = CompletableFuture.supplyAsync(() -> ServedKinds.discover(client), starter);
        }
        return discovery;
    }

    private static List<ResourceKind> builtIn() {
        return ResourceKind.ALL.stream().filter(k -> !ServedKinds.isVersioned(k)).toList();
    }

    private static <T> T within(CompletableFuture<T> future, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        try {
            return left <= 0 ? future.getNow(null) : future.get(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
