package dev.skopos.istiod;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What one istiod replica reports for one connected proxy.
 *
 * @param proxyId      {@code pod.namespace} (istioctl's NAME column)
 * @param clusterId    the CLUSTER_ID metadata (Kubernetes for a single cluster)
 * @param istiod       name of the istiod replica the proxy is connected to
 * @param istioVersion ISTIO_VERSION of the proxy; for old istiods a proxy version followed by {@code *}
 * @param types        subscribed types in CDS, LDS, EDS, RDS, ECDS order, then others by name
 * @param namespace    the proxy's namespace: the node's NAMESPACE metadata, else what follows the
 *                     first '.' of the id; empty when neither says (istioctl's {@code -n} then drops it)
 */
public record ProxySync(String proxyId, String clusterId, String istiod, String istioVersion, List<TypeSync> types,
                        String namespace) {

    public ProxySync {
        types = List.copyOf(types);
        namespace = namespace == null ? "" : namespace;
    }

    /** A report whose namespace is read from a {@code pod.namespace} id. */
    public ProxySync(String proxyId, String clusterId, String istiod, String istioVersion, List<TypeSync> types) {
        this(proxyId, clusterId, istiod, istioVersion, types, namespaceOf(proxyId));
    }

    /** {@code pod.namespace} → {@code namespace}; pod names have no dots, namespaces none either. */
    static String namespaceOf(String proxyId) {
        int dot = proxyId.indexOf('.');
        return dot < 0 ? "" : proxyId.substring(dot + 1);
    }

    /** The most recent moment any type was acknowledged or sent; null when the report says none. */
    public Instant lastUpdated() {
        return types.stream().map(TypeSync::lastUpdated).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * The proxy's state over its subscribed types: ERROR if any push was rejected, else STALE if
     * any is unacknowledged, else SYNCED if anything was sent; NOT SENT only when nothing was.
     * A type istiod never sends (often ECDS) does not make a healthy proxy look unsynced.
     */
    public SyncState overall() {
        boolean anySynced = false;
        boolean anyStale = false;
        for (TypeSync t : types) {
            switch (t.state()) {
                case ERROR -> {
                    return SyncState.ERROR;
                }
                case STALE -> anyStale = true;
                case SYNCED -> anySynced = true;
                default -> {
                }
            }
        }
        return anyStale ? SyncState.STALE : anySynced ? SyncState.SYNCED : SyncState.NOT_SENT;
    }
}
