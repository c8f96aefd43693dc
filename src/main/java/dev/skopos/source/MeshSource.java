package dev.skopos.source;

/**
 * Everything skopos reads or does against a mesh. Implementations: {@code source.live} (fabric8,
 * the only package talking to a cluster), {@code source.snapshot} (a recorded archive) and
 * {@code source.demo} (a simulated mesh). Views depend on this interface only, so each view
 * works unchanged on all three.
 */
public interface MeshSource extends AutoCloseable {

    SourceInfo info();

    ClusterObjects objects();

    EnvoyAdmin envoy();

    IstiodDebug istiod();

    LogStreams logs();

    PortForwards portForwards();

    /**
     * The API server's Kubernetes version as it reports it ({@code v1.31.2-gke.100}), for the version
     * checks of the analysis; null when the source cannot know (manifests, recorded meshes). May fail
     * with a {@link SourceException}; callers treat that as unknown.
     */
    default java.util.concurrent.CompletableFuture<String> kubernetesVersion() {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /**
     * Why the data may be out of date, e.g. "API server unreachable: Connection refused, data from
     * 2m ago"; empty while the source is current (the demo always is).
     */
    default String staleness(java.time.Instant now) {
        return "";
    }

    /**
     * What {@link #staleness} says without the age of the data, for a one-shot command's stderr
     * (it keeps no data to date): "API server unreachable: Connection refused"; empty while current.
     */
    default String unavailable() {
        return "";
    }

    /**
     * Forgets answers cached from pods (Envoy admin, istiod debug): the user pressed refresh and
     * wants what the proxies say now, not what they said a TTL ago. Object watches are unaffected.
     */
    default void forgetAnswers() {
    }

    /** Releases watches, forwards and threads. Never throws. */
    @Override
    void close();
}
