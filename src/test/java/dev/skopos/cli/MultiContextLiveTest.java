package dev.skopos.cli;

import static dev.skopos.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.KubeObject;
import dev.skopos.source.MeshSource;
import dev.skopos.source.PodRef;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.live.MockMeshCluster;
import dev.skopos.source.multi.MultiClusterSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --context east,west} against two mock API servers named in one kubeconfig: one mesh of
 * both clusters, calls routed to the right one, proxy-status merging both istiods.
 */
class MultiContextLiveTest {

    /** fabric8 logs its retries to the console; this test prints nothing. Held: JUL forgets loggers. */
    private static final java.util.logging.Logger FABRIC8_LOG = java.util.logging.Logger.getLogger("io.fabric8");

    static {
        FABRIC8_LOG.setLevel(java.util.logging.Level.OFF);
    }

    @TempDir
    Path tmp;

    private MockMeshCluster east;
    private MockMeshCluster west;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "multi-test");
        t.setDaemon(true);
        return t;
    });

    @BeforeEach
    void start() {
        east = new MockMeshCluster("cluster-east", "e1e1e");
        west = new MockMeshCluster("cluster-west", "w2w2w");
    }

    @AfterEach
    void stop() {
        east.close();
        west.close();
        executor.shutdownNow();
    }

    private Path kubeconfig(Map<String, String> servers) throws IOException {
        Path file = tmp.resolve("kubeconfig");
        Files.writeString(file, MockMeshCluster.kubeconfig(servers));
        return file;
    }

    private Path bothClusters() throws IOException {
        Map<String, String> servers = new LinkedHashMap<>();
        servers.put("east", east.server());
        servers.put("west", west.server());
        return kubeconfig(servers);
    }

    @Test
    void everyContextOpensAsOneMeshAndEnvoyCallsGoToThePodsCluster() throws Exception {
        try (MeshSource mesh = Sources.live(bothClusters(), List.of("east", "west"), 15000, executor)) {
            assertThat(mesh).isInstanceOf(MultiClusterSource.class);
            Sources.awaitSynced(mesh, List.of(ResourceKind.POD), dev.skopos.source.Scope.ALL);
            assertThat(mesh.info().contexts()).containsExactly("east", "west");
            assertThat(mesh.info().label()).isEqualTo("east,west");

            List<KubeObject> pods = podsOnceBothAreIn(mesh);
            assertThat(pods).extracting(KubeObject::podRef).containsExactly(
                    new PodRef("east", "shop", east.sidecar), new PodRef("west", "shop", west.sidecar));
            assertThat(mesh.istiod().instances()).extracting(i -> i.pod().cluster() + "/" + i.name())
                    .containsExactly("east/" + east.istiod, "west/" + west.istiod);

            String info = mesh.envoy().serverInfo(new PodRef("west", "shop", west.sidecar)).get(20, TimeUnit.SECONDS);
            assertThat(info).contains("w2w2w");
            assertThat(west.hits("shop", west.sidecar, 15000, "/server_info")).isEqualTo(1);
            assertThat(east.hits("shop", east.sidecar, 15000, "/server_info")).isZero();
        }
    }

    /**
     * The informers' first LIST is in when awaitSynced returns, but their handlers fill the cache
     * a moment later (fabric8 notifies handlers on its own thread).
     */
    private static List<KubeObject> podsOnceBothAreIn(MeshSource mesh) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<KubeObject> pods = mesh.objects().list(ResourceKind.POD, Scope.of("shop"));
        while (pods.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            pods = mesh.objects().list(ResourceKind.POD, Scope.of("shop"));
        }
        return pods;
    }

    @Test
    void anUnknownContextRefusesThemAllNamingIt() throws Exception {
        Path config = bothClusters();

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Sources.live(config, List.of("east", "north"), 15000, executor))
                .isInstanceOf(Sources.Unsupported.class)
                .hasMessageContaining("context north: context \"north\" not found");
    }

    @Test
    void proxyStatusMergesEveryClustersIstiodWithEachProxysClusterId() throws Exception {
        CliRun r = run("ps", "--kubeconfig", bothClusters().toString(), "--context", "east,west");

        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(
                "NAME                      CLUSTER          ISTIOD                 VERSION     SUBSCRIBED TYPES\n"
                + "cart-5d8f7-e1e1e.shop     cluster-east     istiod-7f9c6-e1e1e     1.27.3      5 (CDS,LDS,EDS,RDS,ECDS)\n"
                + "cart-5d8f7-w2w2w.shop     cluster-west     istiod-7f9c6-w2w2w     1.27.3      5 (CDS,LDS,EDS,RDS,ECDS)\n");
    }

    @Test
    void proxyConfigFindsThePodInWhicheverContextHasIt() throws Exception {
        CliRun r = run("pc", "cluster", west.sidecar + ".shop", "--kubeconfig", bothClusters().toString(),
                "--context", "east,west");

        // The dump is empty, which proxy-config reports; what matters is where it came from.
        assertThat(r.err()).isEqualTo("skopos: no clusters found\n");
        assertThat(west.hits("shop", west.sidecar, 15000, "/config_dump")).isEqualTo(1);
        assertThat(east.hits("shop", east.sidecar, 15000, "/config_dump")).isZero();
    }

    @Test
    void anUnreachableClusterIsNamedInOneLineWithinSecondsWhileTheOtherClustersProxiesPrint() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Map<String, String> servers = new LinkedHashMap<>();
        servers.put("east", east.server());
        servers.put("gone", "http://127.0.0.1:" + closedPort);

        long started = System.nanoTime();
        CliRun r = run("ps", "--kubeconfig", kubeconfig(servers).toString(), "--context", "east,gone");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("cart-5d8f7-e1e1e.shop     cluster-east");
        assertThat(r.err()).startsWith("skopos: gone: ").contains("API server unreachable: Connection refused")
                .doesNotContain("data from").hasLineCount(1);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
                .as("the first failed LIST ends the wait, not the 30 s sync timeout").isLessThan(Sources.SYNC_WAIT);
    }

    @Test
    void aClusterThatMayNotListPodsIsNamedWhileTheOtherClustersProxiesPrint() throws Exception {
        try (MockMeshCluster hidden = new MockMeshCluster("cluster-hidden", "h3h3h", Set.of("pods"))) {
            Map<String, String> servers = new LinkedHashMap<>();
            servers.put("east", east.server());
            servers.put("hidden", hidden.server());

            CliRun r = run("ps", "--kubeconfig", kubeconfig(servers).toString(), "--context", "east,hidden");

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).as("stdout (stderr was: %s)", r.err()).isEqualTo(
                    "NAME                      CLUSTER          ISTIOD                 VERSION     SUBSCRIBED TYPES\n"
                    + "cart-5d8f7-e1e1e.shop     cluster-east     istiod-7f9c6-e1e1e     1.27.3      5 (CDS,LDS,EDS,RDS,ECDS)\n");
            assertThat(r.err()).isEqualTo("skopos: hidden: forbidden: needs list on pods at cluster scope; try -n NAMESPACE\n");
        }
    }

}
