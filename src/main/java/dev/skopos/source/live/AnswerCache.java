package dev.skopos.source.live;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.skopos.source.PodRef;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Raw GET answers of one pod port, each kept for its own TTL (a config_dump is expensive and slow
 * to change; stats are cheap and move). Caffeine's AsyncCache keeps the in-flight future, so
 * concurrent asks share one request. Failures are kept as values and removed by us once they land,
 * so errors are never cached and Caffeine does not log every unreachable pod as a failed load.
 * The parsed per-proxy cache lives in {@code mesh.ProxyAnswerCache}; this one saves the network.
 */
final class AnswerCache {

    private record Key(PodRef pod, int port, String path, Duration ttl) {}

    /** A body or the failure that took its place. */
    private record Outcome(String body, Throwable error) {}

    private final AdminPorts ports;
    private final AsyncCache<Key, Outcome> cache;

    AnswerCache(AdminPorts ports, Executor executor) {
        this.ports = ports;
        this.cache = Caffeine.newBuilder()
                .maximumSize(2_000)
                .executor(executor)
                .expireAfter(new Expiry<Key, Outcome>() {
                    @Override
                    public long expireAfterCreate(Key key, Outcome value, long currentTime) {
                        return key.ttl().toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Outcome value, long currentTime, long currentDuration) {
                        return key.ttl().toNanos();
                    }

                    @Override
                    public long expireAfterRead(Key key, Outcome value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .buildAsync();
    }

    /** The cached answer for {@code GET path}, or a fresh request shared by every asker until it lands. */
    CompletableFuture<String> get(PodRef pod, int port, String path, Duration ttl) {
        Key key = new Key(pod, port, path, ttl);
        CompletableFuture<Outcome> outcome = cache.get(key, (k, ignored) ->
                ports.get(pod, port, path).handle(Outcome::new));
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

    /** Forgets everything: the context or namespace changed. */
    void invalidateAll() {
        cache.synchronous().invalidateAll();
    }
}
