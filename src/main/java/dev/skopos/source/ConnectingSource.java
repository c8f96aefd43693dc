package dev.skopos.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Stands in for a cluster that is still being connected to, so the first frame can be drawn before
 * the Kubernetes client exists (building it and the first LIST take seconds). It has no objects,
 * every pod-level call fails with one line, and {@link #staleness} says what is going on; the
 * shell swaps the real source in when it is ready, or shows {@link #failed} when it is not.
 */
public final class ConnectingSource implements MeshSource {

    private final List<String> contexts;
    private final Instant since;
    private volatile String failure;

    public ConnectingSource(List<String> contexts, Instant since) {
        this.contexts = List.copyOf(contexts);
        this.since = since;
    }

    /** Connecting did not work: the banner and the views say why until the user picks another context. */
    public void failed(String reason) {
        failure = reason;
    }

    /** The reason connecting failed, or null while it is still going on. */
    public String failure() {
        return failure;
    }

    public List<String> contexts() {
        return contexts;
    }

    @Override
    public SourceInfo info() {
        return new SourceInfo(SourceInfo.Kind.CONNECTING, contexts, "connecting", List.of());
    }

    @Override
    public String staleness(Instant now) {
        String where = contexts.isEmpty() ? "the current context" : "context " + String.join(",", contexts);
        String f = failure;
        if (f != null) {
            return "cannot connect to " + where + ": " + f + " (:ctx NAME to pick another, q to quit)";
        }
        long seconds = Math.max(0, Duration.between(since, now).toSeconds());
        return "connecting to " + where + "… " + seconds + "s";
    }

    private SourceException notYet() {
        String f = failure;
        return new SourceException(SourceException.Reason.UNREACHABLE, f != null ? f : "not connected yet");
    }

    private <T> CompletableFuture<T> notYetFuture() {
        return CompletableFuture.failedFuture(notYet());
    }

    @Override
    public ClusterObjects objects() {
        return new ClusterObjects() {
            @Override
            public List<KubeObject> list(ResourceKind kind, Scope scope) {
                return List.of();
            }

            @Override
            public List<ResourceKind> servedKinds() {
                return List.of();
            }

            @Override
            public Subscription onChange(Runnable listener) {
                return () -> { };
            }
        };
    }

    @Override
    public EnvoyAdmin envoy() {
        return new EnvoyAdmin() {
            @Override
            public CompletableFuture<String> configDump(PodRef proxy, boolean includeEds) {
                return notYetFuture();
            }

            @Override
            public CompletableFuture<String> clusters(PodRef proxy) {
                return notYetFuture();
            }

            @Override
            public CompletableFuture<String> serverInfo(PodRef proxy) {
                return notYetFuture();
            }

            @Override
            public CompletableFuture<String> logging(PodRef proxy) {
                return notYetFuture();
            }

            @Override
            public CompletableFuture<String> certs(PodRef proxy) {
                return notYetFuture();
            }

            @Override
            public CompletableFuture<String> stats(PodRef proxy, String filterRegex) {
                return notYetFuture();
            }

            @Override
            public CompletableFuture<String> setLogLevel(PodRef proxy, String logger, String level) {
                return notYetFuture();
            }
        };
    }

    @Override
    public IstiodDebug istiod() {
        return new IstiodDebug() {
            @Override
            public List<IstiodInstance> instances() {
                return List.of();
            }

            @Override
            public CompletableFuture<SynczAnswer> syncz(IstiodInstance istiod) {
                return notYetFuture();
            }

            @Override
            public CompletableFuture<String> configDump(IstiodInstance istiod, PodRef proxy) {
                return notYetFuture();
            }

            @Override
            public CompletableFuture<String> metrics(IstiodInstance istiod) {
                return notYetFuture();
            }

            @Override
            public CompletableFuture<String> logScopes(IstiodInstance istiod) {
                return notYetFuture();
            }

            @Override
            public CompletableFuture<String> setLogScope(IstiodInstance istiod, String scope, String level) {
                return notYetFuture();
            }
        };
    }

    @Override
    public LogStreams logs() {
        return (PodRef pod, String container, int tailLines, Consumer<String> onLine,
                Consumer<SourceException> onEnd) -> {
            onEnd.accept(notYet());
            return () -> { };
        };
    }

    @Override
    public PortForwards portForwards() {
        return new PortForwards() {
            @Override
            public CompletableFuture<Forward> open(PodRef pod, int podPort, String localAddress, int localPort) {
                return notYetFuture();
            }

            @Override
            public List<Forward> active() {
                return List.of();
            }

            @Override
            public void close(Forward forward) {
            }
        };
    }

    @Override
    public void close() {
    }
}
