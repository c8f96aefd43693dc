package dev.skopos.source.live;

import static dev.skopos.source.live.LiveEnvoyAdminTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.IstiodInstance;
import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import dev.skopos.source.SynczAnswer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveIstiodDebugTest {

    private static final String NS = "istio-system";
    private static final IstiodInstance A = new IstiodInstance(new PodRef(NS, "istiod-7d9-a"), "default", "1.24.2");
    private static final IstiodInstance B = new IstiodInstance(new PodRef(NS, "istiod-7d9-b"), "default", "1.24.2");

    private ForwardingMockCluster cluster;
    private AdminPorts ports;
    private LiveIstiodDebug istiod;

    @BeforeEach
    void start() {
        cluster = new ForwardingMockCluster();
        cluster.dispatcher
                .answer(NS, A.name(), 15014, "/debug/syncz", "[{\"proxy\":\"reviews-v1-abc.shop\"}]")
                .answer(NS, A.name(), 15014, "/debug/config_dump?proxyID=reviews-v1-abc.shop", "{\"configs\":[]}")
                .answer(NS, A.name(), 15014, "/metrics", "# TYPE pilot_xds gauge\npilot_xds 3\n")
                .answer(NS, A.name(), 9876, "/scopej/", "[{\"name\":\"ads\",\"output_level\":\"info\"}]")
                .answer(NS, A.name(), 9876, "PUT", "/scopej/ads", new PortForwardDispatcher.Answer(202, "", 0));
        ports = new AdminPorts(cluster.client, cluster.executor);
        istiod = new LiveIstiodDebug(ports, cluster.executor, () -> List.of(B, A));
    }

    @AfterEach
    void stop() {
        ports.close();
        cluster.close();
    }

    @Test
    void listsTheReplicasItIsFedSortedByName() {
        assertThat(istiod.instances()).containsExactly(A, B);
    }

    @Test
    void answersSynczConfigDumpAndMetricsThroughPort15014() throws Exception {
        SynczAnswer syncz = istiod.syncz(A).get(20, TimeUnit.SECONDS);
        assertThat(syncz.format()).isEqualTo(SynczAnswer.Format.HTTP);
        assertThat(syncz.istiod()).isEqualTo(A);
        assertThat(syncz.body()).contains("reviews-v1-abc.shop");
        assertThat(istiod.configDump(A, new PodRef("shop", "reviews-v1-abc")).get(20, TimeUnit.SECONDS))
                .isEqualTo("{\"configs\":[]}");
        assertThat(istiod.metrics(A).get(20, TimeUnit.SECONDS)).contains("pilot_xds 3");
        istiod.syncz(A).get(20, TimeUnit.SECONDS);
        assertThat(cluster.dispatcher.hits(NS, A.name(), 15014, "GET", "/debug/syncz")).as("cached 5 s").isEqualTo(1);
    }

    @Test
    void putsTheScopeBodyIstioctlSendsAndRereadsScopes() throws Exception {
        assertThat(istiod.logScopes(A).get(20, TimeUnit.SECONDS)).contains("\"ads\"");
        istiod.setLogScope(A, "ads", "debug").get(20, TimeUnit.SECONDS);
        assertThat(cluster.dispatcher.bodies()).containsExactly("{\"name\":\"ads\",\"output_level\":\"debug\"}\n");
        istiod.logScopes(A).get(20, TimeUnit.SECONDS);
        assertThat(cluster.dispatcher.hits(NS, A.name(), 9876, "GET", "/scopej/")).isEqualTo(2);
    }

    @Test
    void aProxyNotConnectedToTheReplicaIsNotFound() {
        cluster.dispatcher.answer(NS, A.name(), 15014, "GET", "/debug/config_dump?proxyID=ratings-v1-x.shop",
                new PortForwardDispatcher.Answer(404, "Proxy not connected to this Pilot instance\n", 0));
        SourceException e = failure(istiod.configDump(A, new PodRef("shop", "ratings-v1-x")));
        assertThat(e.reason()).isEqualTo(SourceException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).endsWith("answered 404: Proxy not connected to this Pilot instance");
    }
}
