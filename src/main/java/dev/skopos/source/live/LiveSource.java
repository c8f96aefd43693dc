package dev.skopos.source.live;

import dev.skopos.source.ClusterObjects;
import dev.skopos.source.EnvoyAdmin;
import dev.skopos.source.IstiodDebug;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.LogStreams;
import dev.skopos.source.MeshSource;
import dev.skopos.source.PortForwards;
import dev.skopos.source.SourceInfo;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A live cluster, one kube context: informer-backed objects from {@link LiveClusterObjects}, and
 * the Envoy/istiod/log/port-forward parts built by a {@link PartsFactory} (they reach pods by
 * port-forward and live in their own classes). Switching context means closing this source and
 * opening another; {@link #close()} stops every informer, forward and thread of this one.
 */
public final class LiveSource implements MeshSource {

    private static final Logger LOG = Logger.getLogger(LiveSource.class.getName());
    static final String ISTIO_NAMESPACE = "istio-system";

    /**
     * The parts that talk to pods rather than to the API server's object store.
     *
     * @param forgetAnswers drops the answers cached from pods (ctrl-r); the Envoy and istiod parts share one cache
     */
    public record Parts(EnvoyAdmin envoy, IstiodDebug istiod, LogStreams logs, PortForwards portForwards,
                        Runnable forgetAnswers) {

        /** Parts that cache nothing. */
        public Parts(EnvoyAdmin envoy, IstiodDebug istiod, LogStreams logs, PortForwards portForwards) {
            this(envoy, istiod, logs, portForwards, () -> { });
        }
    }

    /** Builds the parts once the connection and the object cache exist (istiod replicas are pods). */
    @FunctionalInterface
    public interface PartsFactory {
        Parts create(KubeConnection connection, LiveClusterObjects objects);
    }

    private final KubeConnection connection;
    private final LiveClusterObjects objects;
    private final Parts parts;
    private CompletableFuture<String> kubernetesVersion;

    public LiveSource(KubeConnection connection, PartsFactory parts) {
        this(connection, new LiveClusterObjects(connection), parts);
    }

    LiveSource(KubeConnection connection, LiveClusterObjects objects, PartsFactory parts) {
        this.connection = connection;
        this.objects = objects;
        this.parts = parts.create(connection, objects);
    }

    /**
     * LIVE, the context, the API server, and the Istio versions read from istiod pods' image tags
     * in istio-system (none while those pods are not cached yet or may not be listed).
     */
    @Override
    public SourceInfo info() {
        return new SourceInfo(SourceInfo.Kind.LIVE, List.of(connection.context()), connection.server(),
                istioVersions());
    }

    private List<String> istioVersions() {
        TreeSet<String> versions = new TreeSet<>();
        for (IstiodInstance istiod : LiveSources.istiods(objects)) {
            if (!istiod.version().isEmpty()) {
                versions.add(istiod.version());
            }
        }
        return List.copyOf(versions);
    }

    /** {@code docker.io/istio/pilot:1.27.1-distroless} → {@code 1.27.1}; null without a tag or with a digest only. */
    static String imageTag(String image) {
        int at = image.indexOf('@');
        String name = at >= 0 ? image.substring(0, at) : image;
        int colon = name.lastIndexOf(':');
        if (colon < 0 || colon < name.lastIndexOf('/')) {
            return null;
        }
        String tag = name.substring(colon + 1);
        int variant = tag.indexOf("-distroless");
        return variant >= 0 ? tag.substring(0, variant) : tag;
    }

    /**
     * The server's Kubernetes version, asked in the background once (every analysis wants it and it
     * does not change under a connection); a failed ask is retried by the next caller.
     */
    @Override
    public synchronized CompletableFuture<String> kubernetesVersion() {
        if (kubernetesVersion == null || kubernetesVersion.isCompletedExceptionally()) {
            kubernetesVersion = connection.kubernetesVersion();
        }
        return kubernetesVersion;
    }

    @Override
    public String staleness(java.time.Instant now) {
        return health().banner(now);
    }

    @Override
    public String unavailable() {
        Health h = health();
        return h.connected() ? "" : h.reason();
    }

    /** Freshness of the cached objects, for the header banner. */
    public Health health() {
        return objects.health();
    }

    public KubeConnection connection() {
        return connection;
    }

    @Override
    public ClusterObjects objects() {
        return objects;
    }

    @Override
    public EnvoyAdmin envoy() {
        return parts.envoy();
    }

    @Override
    public IstiodDebug istiod() {
        return parts.istiod();
    }

    @Override
    public LogStreams logs() {
        return parts.logs();
    }

    @Override
    public PortForwards portForwards() {
        return parts.portForwards();
    }

    @Override
    public void forgetAnswers() {
        parts.forgetAnswers().run();
    }

    /** Closes the parts that hold resources, then the informers, then the client. Never throws. */
    @Override
    public void close() {
        for (Object part : List.of(parts.portForwards(), parts.logs(), parts.istiod(), parts.envoy())) {
            if (part instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.log(Level.FINE, "closing " + part.getClass().getSimpleName(), e);
                }
            }
        }
        objects.close();
        try {
            connection.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "closing the kube client", e);
        }
    }
}
