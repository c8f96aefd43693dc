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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 */
public final class LiveClusterObjects implements ClusterObjects, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LiveClusterObjects.class.getName());
    public static final Duration DEFAULT_FIRST_SYNC_WAIT = Duration.ofMillis(250);
    /** Listeners hear of a burst of events (a rollout touches dozens of pods) once per this interval. */
    static final Duration DEBOUNCE = Duration.ofMillis(250);
    /** Discovery is a few bounded requests; servedKinds() waits at most this long for it. */
    private static final Duration DISCOVERY_WAIT = KubeConnection.REQUEST_TIMEOUT.multipliedBy(2);

    private final KubernetesClient client;
    private final Clock clock;
    private final Duration firstSyncWait;
    private final ExecutorService starter = Executors.newCachedThreadPool(daemon("skopos-informer-start"));
    private final ScheduledExecutorService notifier = Executors.newSingleThreadScheduledExecutor(daemon("skopos-changes"));
    /** Keyed by group and kind, whatever version the cluster serves; a null watch: the kind is not served. */
    private final ConcurrentMap<String, CompletableFuture<KindWatch>> watches = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean changePending = new AtomicBoolean();
    private CompletableFuture<List<ResourceKind>> discovery;
    private volatile boolean closed;

    public LiveClusterObjects(KubeConnection connection) {
        this(connection.client(), Clock.systemUTC(), DEFAULT_FIRST_SYNC_WAIT);
    }

    LiveClusterObjects(KubernetesClient client, Clock clock, Duration firstSyncWait) {
        this.client = client;
        this.clock = clock;
        this.firstSyncWait = firstSyncWait;
        discovery(); // discovery runs while the first frame is drawn
    }

    @Override
    public List<KubeObject> list(ResourceKind kind, Scope scope) {
        if (closed) {
            throw new SourceException(Reason.CLOSED, "the cluster connection is closed");
        }
        long deadline = System.nanoTime() + firstSyncWait.toNanos();
        KindWatch watch = within(watchFor(kind), deadline);
        if (watch == null) {
            return List.of(); // not served, or still starting: listeners hear when it is in
        }
        within(watch.synced(), deadline);
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
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Starts the kinds' informers and waits (bounded) until each has its first LIST: for one-shot
     * commands that print complete data. False when some kind was not in by the timeout.
     */
    public boolean awaitSynced(Collection<ResourceKind> kinds, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean all = true;
        for (ResourceKind kind : kinds) {
            CompletableFuture<KindWatch> f = watchFor(kind);
            KindWatch w = within(f, deadline);
            if (!f.isDone()) {
                all = false;
            } else if (w != null) {
                within(w.synced(), deadline);
                all &= w.synced().isDone();
            }
        }
        return all;
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
                .filter(KindWatch::isRunning).map(KindWatch::kind).toList();
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
        listeners.clear();
        starter.shutdownNow();
        notifier.shutdownNow();
    }

    private CompletableFuture<KindWatch> watchFor(ResourceKind kind) {
        String key = kind.group() + "/" + kind.kind();
        return watches.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> start(kind, key), starter));
    }

    /** On a starter thread: resolve the served version, check access, start the informer. */
    private KindWatch start(ResourceKind asked, String key) {
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
        KindWatch watch = new KindWatch(kind, clock, this::changed);
        try {
            watch.start(client);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot start the informer for " + kind.plural(), e);
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

    /** Debounced: the first event of a burst schedules one notification DEBOUNCE later. */
    private void changed() {
        if (closed || !changePending.compareAndSet(false, true)) {
            return;
        }
        try {
            notifier.schedule(() -> {
                changePending.set(false);
                for (Runnable l : listeners) {
                    try {
                        l.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "change listener failed", e);
                    }
                }
            }, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            changePending.set(false); // closing
        }
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

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
