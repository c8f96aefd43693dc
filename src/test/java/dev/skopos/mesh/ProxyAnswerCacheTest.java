package dev.skopos.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.PodRef;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProxyAnswerCacheTest {

    private final PodRef pod = new PodRef("weather", "weather-frontend-1");
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();

    private ProxyAnswerCache<String> cache(CompletableFuture<String> answer) {
        return new ProxyAnswerCache<>(p -> {
            loads.incrementAndGet();
            return answer.thenApply(a -> a + "#" + loads.get());
        }, Duration.ofSeconds(30), Runnable::run, nanos::get);
    }

    @Test
    void concurrentAsksShareOneRequestAndTheTtlIsHonoured() {
        CompletableFuture<String> slow = new CompletableFuture<>();
        ProxyAnswerCache<String> cache = cache(slow);
        CompletableFuture<String> a = cache.get(pod);
        CompletableFuture<String> b = cache.get(pod);
        slow.complete("dump");
        assertThat(a.join()).isEqualTo("dump#1");
        assertThat(b.join()).isEqualTo("dump#1");
        assertThat(loads).hasValue(1);
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(cache.get(pod).join()).isEqualTo("dump#1");
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cache.get(pod).join()).isEqualTo("dump#2");
    }

    @Test
    void reloadAsksAgainAndFailuresAreNotKept() {
        ProxyAnswerCache<String> cache = cache(CompletableFuture.completedFuture("dump"));
        assertThat(cache.get(pod).join()).isEqualTo("dump#1");
        assertThat(cache.reload(pod).join()).isEqualTo("dump#2");

        AtomicInteger calls = new AtomicInteger();
        ProxyAnswerCache<String> flaky = new ProxyAnswerCache<>(p -> calls.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new IllegalStateException("pod is gone"))
                : CompletableFuture.completedFuture("ok"), Duration.ofMinutes(1), Runnable::run, nanos::get);
        assertThat(flaky.get(pod)).isCompletedExceptionally();
        assertThat(flaky.get(pod).join()).isEqualTo("ok");
    }
}
