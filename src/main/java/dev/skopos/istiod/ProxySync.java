package dev.skopos.istiod;

import java.util.Comparator;
import java.util.List;

/**
 * What one istiod replica reports for one connected proxy.
 *
 * @param proxyId      {@code pod.namespace} (istioctl's NAME column)
 * @param clusterId    the CLUSTER_ID metadata (Kubernetes for a single cluster)
 * @param istiod       name of the istiod replica the proxy is connected to
 * @param istioVersion ISTIO_VERSION of the proxy; for old istiods a proxy version followed by {@code *}
 * @param types        subscribed types in CDS, LDS, EDS, RDS, ECDS order, then others by name
 */
public record ProxySync(String proxyId, String clusterId, String istiod, String istioVersion, List<TypeSync> types) {

    public ProxySync {
        types = List.copyOf(types);
    }

    /** The worst state over the types the proxy subscribes to (IGNORED types do not count). */
    public SyncState overall() {
        return types.stream()
                .map(TypeSync::state)
                .filter(s -> s != SyncState.IGNORED)
                .max(Comparator.naturalOrder())
                .orElse(SyncState.NOT_SENT);
    }
}
