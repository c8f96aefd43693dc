package dev.skopos.source.live;

import dev.skopos.source.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The change listeners of the cluster objects, told on their own thread once per burst of informer
 * events: a rollout touches dozens of pods, and each listener re-reads what it shows.
 */
final class DebouncedChanges implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DebouncedChanges.class.getName());
    /** Listeners hear of a burst of events once per this interval. */
    static final Duration DEBOUNCE = Duration.ofMillis(250);

    private final ScheduledExecutorService notifier =
            Executors.newSingleThreadScheduledExecutor(LiveClusterObjects.daemon("skopos-changes"));
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean closed;

    Subscription add(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Something changed: the first event of a burst schedules one notification DEBOUNCE later. */
    void changed() {
        if (closed || !pending.compareAndSet(false, true)) {
            return;
        }
        try {
            notifier.schedule(() -> {
                pending.set(false);
                for (Runnable l : listeners) {
                    try {
                        l.run();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "change listener failed", e);
                    }
                }
            }, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.set(false); // closing
        }
    }

    @Override
    public void close() {
        closed = true;
        listeners.clear();
        notifier.shutdownNow();
    }
}
