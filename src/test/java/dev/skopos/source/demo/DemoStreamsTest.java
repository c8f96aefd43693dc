package dev.skopos.source.demo;

import static dev.skopos.source.demo.DemoFixture.CHECKOUT;
import static dev.skopos.source.demo.DemoFixture.FRONTEND;
import static dev.skopos.source.demo.DemoFixture.RATINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skopos.source.PodRef;
import dev.skopos.source.PortForwards.Forward;
import dev.skopos.source.SourceException;
import dev.skopos.source.Subscription;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoStreamsTest {

    private final DemoSource demo = DemoFixture.source();

    @AfterEach
    void close() {
        demo.close();
    }

    @Test
    void followReplaysTheTailThenKeepsEmittingUntilClosed() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Subscription s = demo.logs().follow(CHECKOUT, "istio-proxy", 20, lines::add, e -> { });
        long deadline = System.currentTimeMillis() + 5000;
        while (lines.size() < 21 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        s.close();
        assertThat(lines.size()).isGreaterThanOrEqualTo(21);
        assertThat(String.join("\n", lines)).contains(" 503 UC ", "outbound|8080||payments-api.payments.svc.cluster.local");
        int after = lines.size();
        Thread.sleep(2200);
        assertThat(lines).hasSize(after);
    }

    @Test
    void nackingProxyLogsTheRejection() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Subscription s = demo.logs().follow(RATINGS, "istio-proxy", 10, lines::add, e -> { });
        long deadline = System.currentTimeMillis() + 3000;
        while (lines.size() < 10 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        s.close();
        assertThat(String.join("\n", lines))
                .contains("gRPC config for type.googleapis.com/envoy.config.listener.v3.Listener rejected: Error adding/updating listener(s) 0.0.0.0_8080");
    }

    @Test
    void unknownContainerEndsWithNotFound() throws Exception {
        CompletableFuture<SourceException> end = new CompletableFuture<>();
        demo.logs().follow(FRONTEND, "nope", 5, l -> { }, end::complete);
        assertThat(end.get(2, TimeUnit.SECONDS).reason()).isEqualTo(SourceException.Reason.NOT_FOUND);
    }

    @Test
    void portForwardServesEnvoyAdminAndIstiodOverHttp() throws Exception {
        Forward envoy = demo.portForwards().open(FRONTEND, 15000, "127.0.0.1", 0).join();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> logging = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + envoy.localPort() + "/logging?router=debug")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(logging.body()).contains("  router: debug");
        assertThat(demo.envoy().logging(FRONTEND).join()).contains("  router: debug");
        HttpResponse<String> dump = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + envoy.localPort() + "/config_dump")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(dump.body()).contains("ListenersConfigDump");

        var istiod = demo.istiod().instances().get(0);
        Forward debug = demo.portForwards().open(istiod.pod(), 15014, "127.0.0.1", 0).join();
        HttpResponse<String> syncz = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + debug.localPort() + "/debug/syncz")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(syncz.body()).contains("\"cluster_sent\"");
        assertThat(demo.portForwards().active()).hasSize(2);
        demo.portForwards().close(envoy);
        assertThat(demo.portForwards().active()).containsExactly(debug);

        assertThatThrownBy(() -> demo.portForwards().open(FRONTEND, 8080, "127.0.0.1", 0).join())
                .cause().hasMessage("demo mesh forwards only Envoy admin (15000) and istiod (15014)");
        assertThatThrownBy(() -> demo.portForwards().open(new PodRef("x", "y"), 15000, "127.0.0.1", 0).join())
                .cause().isInstanceOf(SourceException.class);
    }

    @Test
    void constructionIsFast() {
        new DemoSource(Clock.systemUTC()).close(); // warm up class loading
        long start = System.nanoTime();
        DemoSource source = DemoSource.create();
        long millis = (System.nanoTime() - start) / 1_000_000;
        source.close();
        assertThat(millis).isLessThan(300);
    }
}
