package dev.skopos.istiod;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Joins the reports of several istiod replicas into one list, one entry per proxy. A proxy is
 * connected to one replica at a time, but while it reconnects two replicas may both report it;
 * the report with the most recent acknowledgement wins, then the first replica given.
 */
public final class SyncMerger {

    private SyncMerger() {
    }

    /** @param perReplica each replica's parsed report, in replica order; nulls are skipped */
    public static List<ProxySync> merge(Collection<? extends Collection<ProxySync>> perReplica) {
        TreeMap<String, ProxySync> byId = new TreeMap<>();
        for (Collection<ProxySync> replica : perReplica) {
            if (replica == null) {
                continue;
            }
            for (ProxySync sync : replica) {
                byId.merge(sync.proxyId(), sync, SyncMerger::fresher);
            }
        }
        return List.copyOf(byId.values());
    }

    private static ProxySync fresher(ProxySync kept, ProxySync candidate) {
        Instant a = lastUpdate(kept);
        Instant b = lastUpdate(candidate);
        return b != null && (a == null || b.isAfter(a)) ? candidate : kept;
    }

    private static Instant lastUpdate(ProxySync sync) {
        return sync.types().stream()
                .map(TypeSync::lastUpdated)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }
}
