package dev.skopos.source.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.PodRef;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stale-while-revalidate through a real port-forward: a view asking again never waits while a newer answer comes. */
class AnswerCacheTest {

    private static final String NS = "shop";
    private static final String NAME = "ratings-v1-0";
    private static final PodRef POD = new PodRef(NS, NAME);
    private static final Duration TTL = Duration.ofMillis(300);

    private ForwardingMockCluster cluster;
    private AdminPorts ports;
    private AnswerCache cache;

    @BeforeEach
    void start() {
        cluster = new ForwardingMockCluster();
        cluster.dispatcher.answer(NS, NAME, 15000, "/stats", "version: 1\n");
        ports = new AdminPorts(cluster.client, cluster.executor, Duration.ofSeconds(10), Duration.ofSeconds(60));
        cache = new AnswerCache(ports, cluster.executor);
    }

    @AfterEach
    void stop() {
        ports.close();
        cluster.close();
    }

    private int hits() {
        return cluster.dispatcher.hits(NS, NAME, 15000, "GET", "/stats");
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    void anAnswerPastItsTtlIsServedAtOnceWhileOneRequestBringsANewerOne() throws Exception {
        assertThat(cache.get(POD, 15000, "/stats", TTL).get(20, TimeUnit.SECONDS)).isEqualTo("version: 1\n");
        cluster.dispatcher.answer(NS, NAME, 15000, "/stats", "version: 2\n");
        assertThat(cache.get(POD, 15000, "/stats", TTL).getNow(null)).as("fresh: from the cache").isEqualTo("version: 1\n");
        assertThat(hits()).isEqualTo(1);

        Thread.sleep(TTL.toMillis() + 100);
        CompletableFuture<String> first = cache.get(POD, 15000, "/stats", TTL);
        CompletableFuture<String> second = cache.get(POD, 15000, "/stats", TTL);
        assertThat(first.getNow(null)).as("stale: served without waiting").isEqualTo("version: 1\n");
        assertThat(second.getNow(null)).isEqualTo("version: 1\n");
        waitFor(() -> "version: 2\n".equals(cache.get(POD, 15000, "/stats", TTL).getNow(null)));
        assertThat(hits()).as("one background request for both asks").isEqualTo(2);
    }

    @Test
    void anAnswerPastTheStaleWindowIsAskedForAgainAndWaitedOn() throws Exception {
        cache.get(POD, 15000, "/stats", TTL).get(20, TimeUnit.SECONDS);
        cluster.dispatcher.answer(NS, NAME, 15000, "GET", "/stats", new PortForwardDispatcher.Answer(200, "version: 3\n", 200));
        Thread.sleep(TTL.toMillis() * AnswerCache.STALE_FACTOR + 100);
        CompletableFuture<String> expired = cache.get(POD, 15000, "/stats", TTL);
        assertThat(expired.getNow(null)).as("expired: nothing to serve").isNull();
        assertThat(expired.get(20, TimeUnit.SECONDS)).isEqualTo("version: 3\n");
    }

    @Test
    void forgettingEverythingMakesTheNextAskGoToThePod() throws Exception {
        cache.get(POD, 15000, "/stats", Duration.ofMinutes(1)).get(20, TimeUnit.SECONDS);
        cache.invalidateAll();
        cache.get(POD, 15000, "/stats", Duration.ofMinutes(1)).get(20, TimeUnit.SECONDS);
        assertThat(hits()).isEqualTo(2);
    }
}
