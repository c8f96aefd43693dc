package dev.skopos.source;

import java.util.List;

/**
 * Cluster objects (Kubernetes and Istio kinds) as the source currently holds them. Live sources
 * back this with shared informers, so {@link #list} reads a cache and never blocks on the network.
 */
public interface ClusterObjects {

    /**
     * Objects of one kind within the scope, sorted by namespace then name.
     *
     * @throws SourceException FORBIDDEN when the identity may not list the kind (other kinds still work)
     */
    List<KubeObject> list(ResourceKind kind, Scope scope);

    /** Kinds this source can serve at all (a cluster without Istio CRDs serves no Istio kinds). */
    List<ResourceKind> servedKinds();

    /** Called (on a source thread) whenever any object changes; listeners re-read what they show. */
    Subscription onChange(Runnable listener);
}
