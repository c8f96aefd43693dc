package dev.skopos.source.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An on-call identity that may list pods only in its team's namespaces (team-a, team-c): all
 * namespaces is refused with the way out, one allowed namespace gets its own informer after its own
 * access review, and informers of namespaces nobody reads any more are stopped.
 */
class NamespaceFallbackTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private RestrictedCluster cluster;
    private LiveClusterObjects objects;

    @BeforeEach
    void start() {
        cluster = new RestrictedCluster().allowOnlyIn("pods", "team-a", "team-c").deny("namespaces");
        for (String ns : List.of("team-a", "team-b", "team-c")) {
            cluster.pod(ns, LiveClusterObjectsTest.pod("web-" + ns, false));
        }
        objects = new LiveClusterObjects(cluster.client(), Clock.systemUTC(), Duration.ofMillis(250));
    }

    @AfterEach
    void stop() {
        objects.close();
        cluster.close();
    }

    @Test
    void allNamespacesIsRefusedWithTheWayOut() {
        objects.awaitSynced(List.of(ResourceKind.POD), WAIT);
        assertThatThrownBy(() -> objects.list(ResourceKind.POD, Scope.ALL))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SourceException.Reason.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("forbidden: needs list on pods at cluster scope; try -n NAMESPACE");
                });
        // A cluster-scoped kind has no namespace to fall back to, so no hint.
        objects.awaitSynced(List.of(ResourceKind.NAMESPACE), Scope.of("team-a"), WAIT);
        assertThatThrownBy(() -> objects.list(ResourceKind.NAMESPACE, Scope.of("team-a")))
                .hasMessage("forbidden: needs list on namespaces");
    }

    @Test
    void anAllowedNamespaceGetsItsOwnInformerAndSeesChanges() {
        assertThat(objects.awaitSynced(List.of(ResourceKind.POD), Scope.of("team-a"), WAIT)).isTrue();

        assertThat(objects.list(ResourceKind.POD, Scope.of("team-a"))).extracting(KubeObject::name)
                .containsExactly("web-team-a");
        assertThat(objects.runningInformers()).containsExactly("pods in team-a");
        assertThat(cluster.collectionRequests()).contains("list pods in team-a").doesNotContain("list pods");

        cluster.pod("team-a", LiveClusterObjectsTest.pod("api", true));
        LiveClusterObjectsTest.waitFor(() -> objects.list(ResourceKind.POD, Scope.of("team-a")).size() == 2);
    }

    @Test
    void aNamespaceDeniedTooSaysWhich() {
        objects.awaitSynced(List.of(ResourceKind.POD), Scope.of("team-b"), WAIT);
        assertThatThrownBy(() -> objects.list(ResourceKind.POD, Scope.of("team-b")))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SourceException.Reason.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("forbidden: needs list on pods in team-b");
                });
        assertThat(cluster.collectionRequests()).noneMatch(r -> r.contains("team-b"));
    }

    @Test
    void informersOfNamespacesNobodyReadsAnyMoreStop() {
        objects.awaitSynced(List.of(ResourceKind.POD), Scope.of("team-a"), WAIT);
        objects.list(ResourceKind.POD, Scope.of("team-a"));
        long movedOn = System.nanoTime();
        objects.awaitSynced(List.of(ResourceKind.POD), Scope.of("team-c"), WAIT);
        objects.list(ResourceKind.POD, Scope.of("team-c"));
        assertThat(objects.runningInformers()).containsExactly("pods in team-a", "pods in team-c");

        objects.stopNamespacedUnusedSince(movedOn);

        assertThat(objects.runningInformers()).containsExactly("pods in team-c");
        // Coming back starts it again.
        objects.awaitSynced(List.of(ResourceKind.POD), Scope.of("team-a"), WAIT);
        assertThat(objects.list(ResourceKind.POD, Scope.of("team-a"))).hasSize(1);
        assertThat(objects.runningInformers()).containsExactly("pods in team-a", "pods in team-c");
    }
}
