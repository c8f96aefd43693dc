package dev.skopos.istiod;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Joins the reports of several istiod replicas into one list, one entry per proxy. A proxy is
 * connected to one replica at a time, but while it reconnects two replicas may both report it;
 * the report with the most recent acknowledgement wins, then the first replica given. A proxy is
 * its id within its CLUSTER_ID: the istiods of a multi-primary mesh may each report a
 * {@code db-0.shop} of their own cluster, and both are kept.
 */
public final class SyncMerger {

    private SyncMerger() {
    }

    /** @param perReplica each replica's parsed report, in replica order; nulls are skipped */
    public static List<ProxySync> merge(Collection<? extends Collection<ProxySync>> perReplica) {
        TreeMap<ProxyKey, ProxySync> byId = new TreeMap<>(ProxyKey.ORDER);
        for (Collection<ProxySync> replica : perReplica) {
            if (replica == null) {
                continue;
            }
            for (ProxySync sync : replica) {
                byId.merge(new ProxyKey(sync.proxyId(), sync.clusterId()), sync, SyncMerger::fresher);
            }
        }
        return List.copyOf(byId.values());
    }

    /** Ordered by proxy id first, as istioctl sorts its rows. */
    private record ProxyKey(String proxyId, String clusterId) {
        static final Comparator<ProxyKey> ORDER = Comparator.comparing(ProxyKey::proxyId)
                .thenComparing(k -> k.clusterId() == null ? "" : k.clusterId());
    }

    private static ProxySync fresher(ProxySync kept, ProxySync candidate) {
        Instant a = kept.lastUpdated();
        Instant b = candidate.lastUpdated();
        return b != null && (a == null || b.isAfter(a)) ? candidate : kept;
    }
}
