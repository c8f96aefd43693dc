package dev.skopos.source.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.PodRef;
import dev.skopos.source.PortForwards.Forward;
import dev.skopos.source.SourceException;
import dev.skopos.source.Subscription;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Log tails (whole bodies: the mock cannot stream over time) and user-visible port-forwards. */
class LiveStreamsAndForwardsTest {

    private static final String POD_PATH = "/api/v1/namespaces/shop/pods/reviews-v1-abc";
    private static final String POD_JSON = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"reviews-v1-abc\","
            + "\"namespace\":\"shop\"},\"status\":{\"phase\":\"Running\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]}}";

    private ForwardingMockCluster cluster;

    @BeforeEach
    void start() {
        cluster = new ForwardingMockCluster();
        cluster.dispatcher.answer("shop", "reviews-v1-abc", 15000, "/server_info", "{\"state\":\"LIVE\"}");
        cluster.dispatcher.fallback(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if (path.equals(POD_PATH)) {
                    return new MockResponse().setResponseCode(200).setBody(POD_JSON);
                }
                if (path.startsWith("/api/v1/namespaces/shop/pods?fieldSelector=metadata.name%3Dreviews-v1-abc")
                        && !path.contains("watch=true")) {
                    // fabric8 lists the pod to wait until it is ready before asking for its log.
                    return new MockResponse().setResponseCode(200).setBody("{\"apiVersion\":\"v1\",\"kind\":\"PodList\","
                            + "\"metadata\":{\"resourceVersion\":\"1\"},\"items\":[" + POD_JSON + "]}");
                }
                if (path.startsWith(POD_PATH + "/log?") && path.contains("container=istio-proxy")
                        && path.contains("tailLines=2")) {
                    return new MockResponse().setResponseCode(200).setBody("first line\nsecond line\n");
                }
                return new MockResponse().setResponseCode(404)
                        .setBody("{\"kind\":\"Status\",\"code\":404,\"message\":\"pods not found\"}");
            }
        });
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aLogTailDeliversLinesThenEnds() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<SourceException> ended = new CompletableFuture<>();
        Subscription tail = new LiveLogStreams(cluster.client).follow(new PodRef("shop", "reviews-v1-abc"), "istio-proxy", 2,
                lines::add, ended::complete);
        assertThat(ended.get(20, TimeUnit.SECONDS)).isNull();
        assertThat(lines).containsExactly("first line", "second line");
        tail.close();
    }

    @Test
    void aLogTailOfAMissingPodEndsWithNotFound() throws Exception {
        CompletableFuture<SourceException> ended = new CompletableFuture<>();
        new LiveLogStreams(cluster.client).follow(new PodRef("shop", "gone-1"), "istio-proxy", 2,
                line -> { }, ended::complete);
        SourceException e = ended.get(30, TimeUnit.SECONDS);
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(SourceException.Reason.NOT_FOUND);
    }

    @Test
    void aUserForwardListensListsAndCloses() throws Exception {
        try (LivePortForwards forwards = new LivePortForwards(cluster.client, cluster.executor)) {
            PodRef pod = new PodRef("shop", "reviews-v1-abc");
            Forward forward = forwards.open(pod, 15000, "127.0.0.1", 0).get(20, TimeUnit.SECONDS);
            assertThat(forward.localPort()).isPositive();
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + forward.localPort() + "/server_info")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).contains("LIVE");
            assertThat(forwards.active()).singleElement().satisfies(f -> {
                assertThat(f.active()).isTrue();
                assertThat(f.lastError()).isNull();
            });
            forwards.close(forward);
            assertThat(forwards.active()).isEmpty();
        }
    }

    @Test
    void aForwardToAMissingPodFailsAtOnce() {
        try (LivePortForwards forwards = new LivePortForwards(cluster.client, cluster.executor)) {
            SourceException e = LiveEnvoyAdminTest.failure(forwards.open(new PodRef("shop", "gone-1"), 15000, null, 0));
            assertThat(e.reason()).isEqualTo(SourceException.Reason.NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo("pod shop/gone-1 not found");
        }
    }
}
