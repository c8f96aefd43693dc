package dev.skopos.istiod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncMergerTest {

    @Test
    void keepsOneEntryPerProxySortedById() {
        List<ProxySync> merged = SyncMerger.merge(List.of(
                List.of(sync("b.ns", "istiod-1", null), sync("a.ns", "istiod-1", null)),
                List.of(sync("c.ns", "istiod-2", null))));

        assertThat(merged).extracting(ProxySync::proxyId).containsExactly("a.ns", "b.ns", "c.ns");
    }

    @Test
    void aProxyReportedTwiceKeepsTheFreshestReport() {
        List<ProxySync> merged = SyncMerger.merge(List.of(
                List.of(sync("a.ns", "istiod-old", Instant.parse("2025-11-27T09:00:00Z"))),
                List.of(sync("a.ns", "istiod-new", Instant.parse("2025-11-27T10:00:00Z"))),
                List.of(sync("a.ns", "istiod-unknown", null))));

        assertThat(merged).singleElement().extracting(ProxySync::istiod).isEqualTo("istiod-new");
    }

    @Test
    void withoutTimesTheFirstReplicaWinsAndMissingReplicasAreSkipped() {
        List<ProxySync> merged = SyncMerger.merge(Arrays.asList(
                null, List.of(sync("a.ns", "istiod-1", null)), List.of(sync("a.ns", "istiod-2", null))));

        assertThat(merged).singleElement().extracting(ProxySync::istiod).isEqualTo("istiod-1");
    }

    @Test
    void theSameProxyIdInTwoClustersIsTwoProxies() {
        List<ProxySync> merged = SyncMerger.merge(List.of(
                List.of(sync("db-0.shop", "cluster-west", "istiod-w", null)),
                List.of(sync("db-0.shop", "cluster-east", "istiod-e", null), sync("a.shop", "cluster-east", "istiod-e", null))));

        assertThat(merged).extracting(ProxySync::proxyId, ProxySync::clusterId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.shop", "cluster-east"),
                org.assertj.core.groups.Tuple.tuple("db-0.shop", "cluster-east"),
                org.assertj.core.groups.Tuple.tuple("db-0.shop", "cluster-west"));
    }

    @Test
    void mergesTheMultiPilotConformanceCase() {
        assertThat(ConformanceInputs.parseAndMerge("multi-pilot"))
                .extracting(ProxySync::proxyId, ProxySync::istiod)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("proxy1", "istiod1"),
                        org.assertj.core.groups.Tuple.tuple("proxy2", "istiod2"),
                        org.assertj.core.groups.Tuple.tuple("proxy3", "istiod3"),
                        org.assertj.core.groups.Tuple.tuple("proxy4", "istiod4"));
    }

    private static ProxySync sync(String id, String istiod, Instant acked) {
        return sync(id, "Kubernetes", istiod, acked);
    }

    private static ProxySync sync(String id, String clusterId, String istiod, Instant acked) {
        return new ProxySync(id, clusterId, istiod, "1.27.3",
                List.of(new TypeSync(XdsTypes.CLUSTER, "CDS", SyncState.SYNCED, null, acked, null)));
    }
}
