package dev.skopos.mesh;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.skopos.source.PodRef;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Parsed per-proxy answers (a config dump, a /clusters listing) with a time to live: views that
 * come back to a proxy within the TTL draw at once, and concurrent asks share one request.
 * A failed load is not cached, so the next ask retries. {@link #reload} is ctrl-r.
 */
public final class ProxyAnswerCache<V> {

    private final AsyncLoadingCache<PodRef, V> cache;

    public ProxyAnswerCache(Function<PodRef, CompletableFuture<V>> loader, Duration ttl, Executor executor,
                            Ticker ticker) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(256)
                .executor(executor)
                .ticker(ticker)
                .buildAsync((pod, exec) -> loader.apply(pod));
    }

    public ProxyAnswerCache(Function<PodRef, CompletableFuture<V>> loader, Duration ttl, Executor executor) {
        this(loader, ttl, executor, Ticker.systemTicker());
    }

    /** The cached answer, or a load in flight (one per proxy however many ask). */
    public CompletableFuture<V> get(PodRef pod) {
        return cache.get(pod);
    }

    /** Forgets the answer and loads it again. */
    public CompletableFuture<V> reload(PodRef pod) {
        cache.synchronous().invalidate(pod);
        return cache.get(pod);
    }

    /** On a context switch: nothing from the old cluster may be shown again. */
    public void clear() {
        cache.synchronous().invalidateAll();
    }
}
