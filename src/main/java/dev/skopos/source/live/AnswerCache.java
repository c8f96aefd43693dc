package dev.skopos.source.live;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.skopos.source.PodRef;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Every raw GET answer of one cluster's pods (Envoy admin and istiod alike), one Caffeine cache:
 * each answer is fresh for its own TTL (a config_dump is expensive and slow to change; stats are
 * cheap and move). A view asking again after the TTL gets the answer it had at once while one
 * background request brings a newer one (stale-while-revalidate, up to {@link #STALE_FACTOR}
 * times the TTL); after that the ask waits for the network. Caffeine keeps the in-flight future,
 * so concurrent asks for one URL share one request. Failures are kept as values and dropped by us
 * once they land, so errors are never served from the cache and Caffeine does not log every
 * unreachable pod as a failed load. The parsed per-proxy cache lives in {@code mesh.ProxyAnswerCache}.
 */
final class AnswerCache {

    /** An answer older than its TTL is still served, while it refreshes, until this many TTLs. */
    static final int STALE_FACTOR = 3;

    private record Key(PodRef pod, int port, String path, Duration ttl) {}

    /** A body or the failure that took its place, and when it arrived. */
    private record Outcome(String body, Throwable error, long atNanos) {}

    private final AsyncLoadingCache<Key, Outcome> cache;

    AnswerCache(AdminPorts ports, Executor executor) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(2_000)
                .executor(executor)
                .expireAfter(new Expiry<Key, Outcome>() {
                    @Override
                    public long expireAfterCreate(Key key, Outcome value, long currentTime) {
                        return key.ttl().toNanos() * STALE_FACTOR;
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Outcome value, long currentTime, long currentDuration) {
                        return key.ttl().toNanos() * STALE_FACTOR;
                    }

                    @Override
                    public long expireAfterRead(Key key, Outcome value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .buildAsync((key, ignored) -> ports.get(key.pod(), key.port(), key.path())
                        .handle((body, error) -> new Outcome(body, error, System.nanoTime())));
    }

    /** The cached answer for {@code GET path}, or a fresh request shared by every asker until it lands. */
    CompletableFuture<String> get(PodRef pod, int port, String path, Duration ttl) {
        Key key = new Key(pod, port, path, ttl);
        CompletableFuture<Outcome> outcome = cache.get(key);
        Outcome ready = outcome.getNow(null);
        if (ready != null && ready.error() == null && System.nanoTime() - ready.atNanos() > ttl.toNanos()) {
            cache.synchronous().refresh(key); // one request however many ask; this ask gets the answer in hand
        }
        return outcome.thenCompose(o -> {
            if (o.error() == null) {
                return CompletableFuture.completedFuture(o.body());
            }
            cache.asMap().remove(key, outcome);
            return CompletableFuture.failedFuture(o.error() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : o.error());
        });
    }

    /** Forgets everything learnt from one pod's port: after a change skopos made there. */
    void invalidate(PodRef pod, int port) {
        cache.asMap().keySet().removeIf(k -> k.pod().equals(pod) && k.port() == port);
    }

    /** Forgets everything: the user asked for fresh data. */
    void invalidateAll() {
        cache.synchronous().invalidateAll();
    }
}
