package dev.skopos.source.multi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skopos.source.IstiodInstance;
import dev.skopos.source.KubeObject;
import dev.skopos.source.PodRef;
import dev.skopos.source.PortForwards.Forward;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import dev.skopos.source.SourceException.Reason;
import dev.skopos.source.SourceInfo;
import dev.skopos.source.SynczAnswer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two demo clusters watched as one: merged and stamped answers, calls routed by cluster, failures contained. */
class MultiClusterSourceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private static final PodRef PRODUCTPAGE = new PodRef("bookinfo", "productpage-v1-7f9d8c6b5-4xk2m");

    private ClusterDouble east;
    private ClusterDouble west;
    private MultiClusterSource multi;

    @BeforeEach
    void open() {
        east = new ClusterDouble(CLOCK);
        west = new ClusterDouble(CLOCK);
        Map<String, ClusterDouble> clusters = new LinkedHashMap<>();
        clusters.put("east", east);
        clusters.put("west", west);
        multi = new MultiClusterSource(clusters, Runnable::run);
    }

    @AfterEach
    void close() {
        multi.close();
    }

    @Test
    void objectsOfEveryClusterAreMergedAndStampedWithTheirCluster() {
        List<KubeObject> one = east.objects().list(ResourceKind.POD, Scope.ALL);
        List<KubeObject> all = multi.objects().list(ResourceKind.POD, Scope.ALL);

        assertThat(all).hasSize(2 * one.size());
        assertThat(all).filteredOn(o -> o.cluster().equals("east")).hasSize(one.size());
        assertThat(all).filteredOn(o -> o.cluster().equals("west")).hasSize(one.size());
        assertThat(all).extracting(KubeObject::qualifiedName).isSortedAccordingTo(
                java.util.Comparator.comparing((String q) -> q.substring(q.indexOf('.') + 1))
                        .thenComparing(q -> q.substring(0, q.indexOf('.'))));
        assertThat(all.stream().filter(o -> o.name().equals(PRODUCTPAGE.name())).map(KubeObject::podRef))
                .containsExactly(PRODUCTPAGE.inCluster("east"), PRODUCTPAGE.inCluster("west"));
        assertThat(multi.objects().servedKinds()).isEqualTo(east.objects().servedKinds());
    }

    @Test
    void infoNamesEveryContextInOrder() {
        SourceInfo info = multi.info();
        assertThat(info.contexts()).containsExactly("east", "west");
        assertThat(info.istioVersions()).isEqualTo(east.info().istioVersions());
        assertThat(info.description()).startsWith("east: ").contains(", west: ");
    }

    @Test
    void istiodReplicasOfEveryClusterAnswerThroughTheirCluster() {
        List<IstiodInstance> replicas = multi.istiod().instances();
        int perCluster = east.istiod().instances().size();

        assertThat(replicas).hasSize(2 * perCluster);
        IstiodInstance westReplica = replicas.stream().filter(i -> i.pod().cluster().equals("west")).findFirst()
                .orElseThrow();
        SynczAnswer answer = multi.istiod().syncz(westReplica).join();
        assertThat(answer.istiod()).as("the answer names the replica as asked").isEqualTo(westReplica);
        assertThat(answer.body()).isEqualTo(west.istiod().syncz(
                new IstiodInstance(westReplica.pod().inCluster(""), westReplica.revision(), westReplica.version()))
                .join().body());
    }

    @Test
    void anEnvoyCallForAPodInWestGoesToWestOnly() {
        String info = multi.envoy().serverInfo(PRODUCTPAGE.inCluster("west")).join();

        assertThat(info).isNotEmpty();
        assertThat(west.envoyCalls).containsExactly("serverInfo " + PRODUCTPAGE);
        assertThat(east.envoyCalls).isEmpty();
    }

    @Test
    void aPodThatNamesNoClusterGoesWhereItLivesAndIsRefusedWhenItLivesInSeveral() {
        east.visible = o -> !o.name().equals(PRODUCTPAGE.name());
        multi.envoy().certs(PRODUCTPAGE).join();
        assertThat(west.envoyCalls).containsExactly("certs " + PRODUCTPAGE);

        east.visible = o -> true;
        assertThatThrownBy(() -> multi.envoy().certs(PRODUCTPAGE).join())
                .isInstanceOf(CompletionException.class)
                .hasMessageContaining("exists in several clusters (east, west)");
        assertThatThrownBy(() -> multi.envoy().certs(new PodRef("bookinfo", "nothing-here")).join())
                .hasMessageContaining("not found in any watched cluster (east, west)");
        assertThatThrownBy(() -> multi.envoy().certs(PRODUCTPAGE.inCluster("north")).join())
                .hasMessageContaining("cluster \"north\" is not watched");
    }

    @Test
    void aFailingClusterBecomesOneLineWhileTheOthersRowsShow() {
        west.podsFail = new SourceException(Reason.FORBIDDEN, "forbidden: needs list on pods");
        west.istiodFail = new SourceException(Reason.UNREACHABLE, "API server unreachable");
        west.stale = "pods: API server unreachable: Connection refused, data from 2m ago";

        List<KubeObject> pods = multi.objects().list(ResourceKind.POD, Scope.ALL);
        assertThat(pods).isNotEmpty().allSatisfy(o -> assertThat(o.cluster()).isEqualTo("east"));
        assertThat(multi.istiod().instances()).isNotEmpty().allSatisfy(i -> assertThat(i.pod().cluster()).isEqualTo("east"));
        assertThat(multi.staleness(CLOCK.instant())).isEqualTo(
                "west: pods: API server unreachable: Connection refused, data from 2m ago; "
                        + "west: istiod replicas: API server unreachable; west: forbidden: needs list on pods");

        west.podsFail = null;
        west.istiodFail = null;
        west.stale = "";
        multi.objects().list(ResourceKind.POD, Scope.ALL);
        multi.istiod().instances();
        assertThat(multi.staleness(CLOCK.instant())).as("answered again: the lines go").isEmpty();
    }

    @Test
    void onlyWhenEveryClusterFailsDoesTheListFailNamingEach() {
        east.podsFail = new SourceException(Reason.FORBIDDEN, "forbidden: needs list on pods");
        west.podsFail = new SourceException(Reason.FORBIDDEN, "forbidden: needs list on pods");

        assertThatThrownBy(() -> multi.objects().list(ResourceKind.POD, Scope.ALL))
                .isInstanceOf(SourceException.class)
                .hasMessage("east: forbidden: needs list on pods; west: forbidden: needs list on pods")
                .extracting(e -> ((SourceException) e).reason()).isEqualTo(Reason.FORBIDDEN);
    }

    @Test
    void logsAndForwardsGoToThePodsCluster() {
        AtomicReference<SourceException> ended = new AtomicReference<>();
        multi.logs().follow(PRODUCTPAGE.inCluster("north"), "istio-proxy", 10, line -> { }, ended::set);
        assertThat(ended.get()).isNotNull().hasMessageContaining("not watched");

        Forward forward = multi.portForwards().open(PRODUCTPAGE.inCluster("west"), 15000, "127.0.0.1", 0).join();
        assertThat(forward.pod()).isEqualTo(PRODUCTPAGE.inCluster("west"));
        assertThat(west.portForwards().active()).hasSize(1);
        assertThat(east.portForwards().active()).isEmpty();
        assertThat(multi.portForwards().active()).containsExactly(forward);

        multi.portForwards().close(forward);
        assertThat(west.portForwards().active()).isEmpty();
    }

    @Test
    void closeClosesEveryClusterEvenWhenOneThrows() {
        east.throwOnClose = true;

        multi.close();

        assertThat(east.closed).isTrue();
        assertThat(west.closed).isTrue();
    }
}
