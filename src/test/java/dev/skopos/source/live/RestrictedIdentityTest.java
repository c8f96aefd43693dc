package dev.skopos.source.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skopos.analysis.Diagnostic;
import dev.skopos.mesh.AnalysisInputs;
import dev.skopos.mesh.FindingsFeed;
import dev.skopos.mesh.Proxy;
import dev.skopos.mesh.ProxyFeed;
import dev.skopos.mesh.ProxyList;
import dev.skopos.mesh.ProxySummary;
import dev.skopos.mesh.ProxySummaryLoader;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An identity without access to secrets or config maps (access reviews say no, and the LISTs would
 * answer 403) still gets every other view: proxies, sync, summary, Envoy config, istiod, and the
 * findings, which name in one line what they could not read.
 */
class RestrictedIdentityTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String FORBIDDEN_BOTH =
            "forbidden: needs list on configmaps, secrets at cluster scope; try -n NAMESPACE";

    @TempDir
    Path dir;
    private RestrictedCluster cluster;
    private ExecutorService executor;
    private LiveSource source;

    @BeforeEach
    void start() throws Exception {
        cluster = new RestrictedCluster().deny("secrets", "configmaps").kubernetesVersion("v1.27.3")
                .proxyPod("shop", "cart")
                .virtualService("shop", "cart", "missing-gw")
                .pod("istio-system", istiod())
                .answer("istio-system", "istiod-1", 15014, "/debug/syncz", "[{\"proxy\":\"cart.shop\"}]")
                .answer("shop", "cart", 15000, "/server_info", "{\"state\":\"LIVE\"}")
                .answer("shop", "cart", 15000, "/config_dump", "{\"configs\":[]}");
        executor = Executors.newCachedThreadPool();
        source = LiveSources.open(cluster.kubeconfig(dir), null, 15000, executor);
        LiveClusterObjects objects = (LiveClusterObjects) source.objects();
        assertThat(objects.awaitSynced(objects.servedKinds(), WAIT)).isTrue();
    }

    @AfterEach
    void stop() {
        source.close();
        executor.shutdownNow();
        cluster.close();
    }

    @Test
    void theForbiddenKindsSayWhichVerbTheyNeedAndAreNeverListed() {
        for (ResourceKind kind : List.of(ResourceKind.SECRET, ResourceKind.CONFIG_MAP)) {
            assertThatThrownBy(() -> source.objects().list(kind, Scope.ALL))
                    .isInstanceOfSatisfying(SourceException.class, e -> {
                        assertThat(e.reason()).isEqualTo(SourceException.Reason.FORBIDDEN);
                        assertThat(e.getMessage()).isEqualTo("forbidden: needs list on " + kind.plural()
                                + " at cluster scope; try -n NAMESPACE");
                    });
        }
        // The access review said no first, so no LIST was sent to be refused (and retried) by the server.
        assertThat(cluster.collectionRequests()).noneMatch(r -> r.contains("secrets") || r.contains("configmaps"));
        assertThat(source.objects().list(ResourceKind.POD, Scope.ALL)).hasSize(2);
        assertThat(source.objects().list(ResourceKind.VIRTUAL_SERVICE, Scope.of("shop"))).hasSize(1);
        assertThat(source.info().istioVersions()).containsExactly("1.27.3");
        assertThat(source.health().connected()).isTrue();
    }

    @Test
    void proxiesSyncAndTheProxySummaryWork() throws Exception {
        ProxyList list = new ProxyFeed(source, executor).load(Scope.ALL).get(30, TimeUnit.SECONDS);
        assertThat(list.problems()).isEmpty();
        Proxy cart = list.proxies().stream().filter(p -> p.pod().name().equals("cart")).findFirst().orElseThrow();
        assertThat(cart.sync()).isNotNull();

        ProxySummary summary = new ProxySummaryLoader(source, Clock.systemUTC()).load(cart).get(30, TimeUnit.SECONDS);
        assertThat(summary.serverInfo().ok()).as(summary.serverInfo().error()).isTrue();
        assertThat(summary.counts().ok()).as(summary.counts().error()).isTrue();
        assertThat(source.envoy().configDump(cart.pod(), false).get(30, TimeUnit.SECONDS)).contains("configs");
    }

    @Test
    void findingsRunOnTheRestAndNameWhatTheyCouldNotReadInOneLine() throws Exception {
        FindingsFeed.Findings findings = FindingsFeed.load(source, Scope.ALL, executor, Clock.systemUTC(), null, true)
                .get(60, TimeUnit.SECONDS);

        assertThat(findings.problems()).containsExactly(FORBIDDEN_BOTH);
        assertThat(findings.diagnostics()).extracting(Diagnostic::code)
                .contains("IST0101")   // the VirtualService's missing gateway: objects still analysed
                .contains("IST0142");  // the API server's version reached the analysis
        List<String> problems = new ArrayList<>();
        AnalysisInputs.ClusterView view = AnalysisInputs.fromCluster(source.objects(), problems, Scope.ALL);
        assertThat(view.meshConfig()).isNull();
        assertThat(problems).containsExactly(FORBIDDEN_BOTH);
    }

    @Test
    void withoutAccessReviewsTheListsOwn403SaysTheSame() throws Exception {
        source.close();
        try (RestrictedCluster noReviews = new RestrictedCluster().deny("secrets").forbidAccessReviews()
                .pod("shop", LiveClusterObjectsTest.pod("cart", false))) {
            source = LiveSources.open(noReviews.kubeconfig(dir), null, 15000, executor);
            LiveClusterObjects objects = (LiveClusterObjects) source.objects();
            objects.awaitSynced(List.of(ResourceKind.SECRET, ResourceKind.POD), WAIT);
            LiveClusterObjectsTest.waitFor(() -> {
                try {
                    objects.list(ResourceKind.SECRET, Scope.ALL);
                    return false;
                } catch (SourceException e) {
                    return e.getMessage().equals("forbidden: needs list on secrets at cluster scope; try -n NAMESPACE");
                }
            });
            assertThat(noReviews.collectionRequests()).contains("list secrets");
            assertThat(objects.list(ResourceKind.POD, Scope.ALL)).hasSize(1);
            assertThat(objects.runningInformers()).contains("pods").doesNotContain("secrets");
        }
    }

    private static io.fabric8.kubernetes.api.model.Pod istiod() {
        return new PodBuilder().withNewMetadata().withName("istiod-1").addToLabels("app", "istiod").endMetadata()
                .withNewSpec().addNewContainer().withName("discovery").withImage("docker.io/istio/pilot:1.27.3")
                .endContainer().endSpec().build();
    }
}
