package dev.skopos.source.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveEnvoyAdminTest {

    private static final PodRef POD = new PodRef("shop", "reviews-v1-abc");
    private static final String NS = "shop";
    private static final String NAME = "reviews-v1-abc";

    private ForwardingMockCluster cluster;
    private AdminPorts ports;
    private LiveEnvoyAdmin envoy;

    @BeforeEach
    void start() {
        cluster = new ForwardingMockCluster();
        cluster.dispatcher
                .answer(NS, NAME, 15000, "/config_dump", "{\"configs\":[]}")
                .answer(NS, NAME, 15000, "/config_dump?include_eds", "{\"configs\":[{\"eds\":1}]}")
                .answer(NS, NAME, 15000, "/server_info", "{\"state\":\"LIVE\"}")
                .answer(NS, NAME, 15000, "/logging", "active loggers:\n  admin: warning\n")
                .answer(NS, NAME, 15000, "POST", "/logging?level=debug",
                        new PortForwardDispatcher.Answer(200, "active loggers:\n  admin: debug\n", 0));
        ports = new AdminPorts(cluster.client, cluster.executor, Duration.ofSeconds(10), Duration.ofSeconds(60));
        envoy = new LiveEnvoyAdmin(ports, cluster.executor);
    }

    @AfterEach
    void stop() {
        ports.close();
        cluster.close();
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void answersThroughThePortForward() throws Exception {
        assertThat(await(envoy.configDump(POD, false))).isEqualTo("{\"configs\":[]}");
        assertThat(await(envoy.configDump(POD, true))).contains("eds");
        assertThat(await(envoy.serverInfo(POD))).contains("LIVE");
        assertThat(await(envoy.logging(POD))).contains("admin: warning");
        // Keep-alive: the HTTP client reuses its connection, so one tunnel carried all four.
        assertThat(cluster.dispatcher.tunnels()).isEqualTo(1);
        assertThat(ports.openForwards()).isEqualTo(1);
    }

    @Test
    void postsALogLevelAndForgetsTheCachedLoggers() throws Exception {
        assertThat(await(envoy.logging(POD))).contains("admin: warning");
        assertThat(await(envoy.setLogLevel(POD, null, "debug"))).contains("admin: debug");
        assertThat(cluster.dispatcher.hits(NS, NAME, 15000, "POST", "/logging?level=debug")).isEqualTo(1);
        await(envoy.logging(POD));
        assertThat(cluster.dispatcher.hits(NS, NAME, 15000, "GET", "/logging")).isEqualTo(2);
    }

    @Test
    void aSecondAskWithinTheTtlMakesNoRequest() throws Exception {
        await(envoy.serverInfo(POD));
        await(envoy.serverInfo(POD));
        assertThat(cluster.dispatcher.hits(NS, NAME, 15000, "GET", "/server_info")).isEqualTo(1);
        envoy.invalidateAll();
        await(envoy.serverInfo(POD));
        assertThat(cluster.dispatcher.hits(NS, NAME, 15000, "GET", "/server_info")).isEqualTo(2);
    }

    @Test
    void concurrentAsksShareOneRequest() throws Exception {
        cluster.dispatcher.answer(NS, NAME, 15000, "GET", "/certs",
                new PortForwardDispatcher.Answer(200, "{\"certificates\":[]}", 300));
        CompletableFuture<String> first = envoy.certs(POD);
        CompletableFuture<String> second = envoy.certs(POD);
        assertThat(await(first)).isEqualTo(await(second));
        assertThat(cluster.dispatcher.hits(NS, NAME, 15000, "GET", "/certs")).isEqualTo(1);
    }

    @Test
    void uncachedGetsToTheSameUrlAlsoShareOneRequest() throws Exception {
        cluster.dispatcher.answer(NS, NAME, 15000, "GET", "/stats",
                new PortForwardDispatcher.Answer(200, "a.b: 1\n", 300));
        CompletableFuture<String> first = ports.get(POD, 15000, "/stats");
        CompletableFuture<String> second = ports.get(POD, 15000, "/stats");
        assertThat(await(first)).isEqualTo(await(second)).isEqualTo("a.b: 1\n");
        assertThat(cluster.dispatcher.hits(NS, NAME, 15000, "GET", "/stats")).isEqualTo(1);
    }

    @Test
    void aPodThatIsGoneIsNotFoundInOneLine() {
        SourceException e = failure(envoy.serverInfo(new PodRef("shop", "gone-123")));
        assertThat(e.reason()).isEqualTo(SourceException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("pod shop/gone-123 not found");
        assertThat(ports.openForwards()).as("a failed tunnel is not kept").isZero();
    }

    @Test
    void aForbiddenPortForwardSaysWhichPermissionIsMissing() {
        cluster.dispatcher.refuse(NS, NAME, 403);
        SourceException e = failure(envoy.configDump(POD, false));
        assertThat(e.reason()).isEqualTo(SourceException.Reason.FORBIDDEN);
        assertThat(e.getMessage()).isEqualTo("forbidden: needs create on pods/portforward");
    }

    @Test
    void nothingListeningIsUnreachable() {
        cluster.dispatcher.nothingListens(NS, "plain-pod", 15000);
        SourceException e = failure(envoy.serverInfo(new PodRef(NS, "plain-pod")));
        assertThat(e.reason()).isEqualTo(SourceException.Reason.UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("pod shop/plain-pod: nothing listens on port 15000 (connection refused)");
    }

    @Test
    void anEnvoyErrorIsReportedWithItsFirstLine() {
        SourceException e = failure(envoy.stats(POD, "cluster\\.outbound"));
        assertThat(e.reason()).isEqualTo(SourceException.Reason.UNREACHABLE);
        assertThat(e.getMessage()).startsWith("shop/reviews-v1-abc:15000/stats?filter=cluster%5C.outbound answered 404: invalid path.");
    }

    @Test
    void aSlowAnswerTimesOut() {
        cluster.dispatcher.answer(NS, NAME, 15000, "GET", "/clusters?format=json",
                new PortForwardDispatcher.Answer(200, "{}", 3_000));
        try (AdminPorts impatient = new AdminPorts(cluster.client, cluster.executor, Duration.ofMillis(500),
                Duration.ofSeconds(60))) {
            SourceException e = failure(new LiveEnvoyAdmin(impatient, cluster.executor).clusters(POD));
            assertThat(e.reason()).isEqualTo(SourceException.Reason.TIMEOUT);
            assertThat(e.getMessage()).isEqualTo("pod shop/reviews-v1-abc did not answer 15000/clusters?format=json within 500 ms");
        }
    }

    @Test
    void idleForwardsAreClosed() throws Exception {
        try (AdminPorts brief = new AdminPorts(cluster.client, cluster.executor, Duration.ofSeconds(10),
                Duration.ofMillis(200))) {
            await(brief.get(POD, 15000, "/server_info"));
            assertThat(brief.openForwards()).isEqualTo(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (brief.openForwards() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(brief.openForwards()).isZero();
        }
    }

    static SourceException failure(CompletableFuture<?> future) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> future.get(20, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(java.util.concurrent.ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(SourceException.class);
        return (SourceException) thrown.getCause();
    }
}
