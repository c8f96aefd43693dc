package dev.skopos.source.live;

import dev.skopos.source.SourceException;
import dev.skopos.source.SourceException.Reason;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One kube context: the fabric8 client built from {@code --kubeconfig}/{@code --context} (or the
 * usual discovery: {@code KUBECONFIG}, {@code ~/.kube/config}, in-cluster service account), with
 * every timeout set explicitly so no call can hang the UI. Exec-credential plugins
 * ({@code users[].user.exec}) run as fabric8 runs them: at build time and again when a token
 * expires (a 401 triggers {@code Config.refresh()}).
 *
 * <p>Building the client does not contact the server; the first request does. A missing or
 * malformed kubeconfig, or an unknown context, fails here with one line for the user.
 */
public final class KubeConnection implements AutoCloseable {

    /** Bound on any one request, connection included: a silent API server shows up as an error in 10 s. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** First delay before an informer re-watches; fabric8 doubles it up to 32x on repeated failures. */
    static final Duration WATCH_RECONNECT = Duration.ofSeconds(1);
    /**
     * Re-watch attempts of a plain watch before it gives up. Informer watches ignore it (fabric8
     * 7.5.2's informer watcher always asks to reconnect): they re-watch forever, the pause doubling
     * up to 32x {@link #WATCH_RECONNECT}, so a returning API server is seen within about 32 s. The
     * outage reaches the banner through the informer's isWatching, not its exception handler
     * (RecoveryTest, LiveTmuxE2E).
     */
    static final int WATCH_RECONNECT_LIMIT = 3;
    /** Retries of a failed request (connect errors, 5xx); a few, so a timeout stays a timeout. */
    private static final int REQUEST_RETRIES = 2;

    private final KubernetesClient client;
    private final String context;
    private final String namespace;

    private KubeConnection(KubernetesClient client, String context, String namespace) {
        this.client = client;
        this.context = context;
        this.namespace = namespace;
    }

    /**
     * Opens the context (null: the kubeconfig's current one) of the kubeconfig file (null: the
     * default discovery).
     *
     * @throws SourceException NOT_FOUND for a missing file, no configuration at all or an unknown
     *                         context; MALFORMED for a file fabric8 cannot read
     */
    public static KubeConnection open(Path kubeconfig, String context) {
        Config config = load(kubeconfig, context);
        config.setRequestTimeout((int) REQUEST_TIMEOUT.toMillis());
        config.setConnectionTimeout((int) CONNECT_TIMEOUT.toMillis());
        config.setWatchReconnectInterval((int) WATCH_RECONNECT.toMillis());
        config.setWatchReconnectLimit(WATCH_RECONNECT_LIMIT);
        config.setRequestRetryBackoffLimit(REQUEST_RETRIES);
        NamedContext current = config.getCurrentContext();
        String name = current != null ? current.getName() : "in-cluster";
        String ns = config.getNamespace() == null || config.getNamespace().isBlank() ? "default" : config.getNamespace();
        return new KubeConnection(new KubernetesClientBuilder().withConfig(config).build(), name, ns);
    }

    /** Wraps a client built elsewhere (tests: the mock API server's client). */
    static KubeConnection of(KubernetesClient client, String context) {
        String ns = client.getNamespace() == null ? "default" : client.getNamespace();
        return new KubeConnection(client, context, ns);
    }

    private static Config load(Path kubeconfig, String context) {
        String where;
        Config config;
        try {
            if (kubeconfig != null) {
                where = kubeconfig.toString();
                if (!Files.isRegularFile(kubeconfig)) {
                    throw new SourceException(Reason.NOT_FOUND, "kubeconfig " + where + " not found");
                }
                if (!Files.isReadable(kubeconfig)) {
                    throw new SourceException(Reason.FORBIDDEN, "kubeconfig " + where + " is not readable");
                }
                config = Config.fromKubeconfig(context, kubeconfig.toFile());
            } else {
                List<String> files = Config.getKubeconfigFilenames().stream()
                        .filter(f -> new File(f).isFile()).toList();
                where = files.isEmpty() ? "the kubeconfig" : String.join(":", files);
                if (files.isEmpty() && System.getenv("KUBERNETES_SERVICE_HOST") == null) {
                    throw new SourceException(Reason.NOT_FOUND,
                            "no kubeconfig found (KUBECONFIG, ~/.kube/config) and not running in a cluster");
                }
                config = Config.autoConfigure(context);
            }
        } catch (SourceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SourceException(Reason.MALFORMED, "cannot read kubeconfig: " + SourceException.describe(e), e);
        }
        // fabric8 falls back to the current context when the named one does not exist; we refuse.
        if (context != null && (config.getCurrentContext() == null
                || !context.equals(config.getCurrentContext().getName()))) {
            throw new SourceException(Reason.NOT_FOUND, "context \"" + context + "\" not found in " + where);
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new SourceException(Reason.MALFORMED, "context has no cluster server in " + where);
        }
        return config;
    }

    /** The context name, as the header shows it ({@code in-cluster} with a service account). */
    public String context() {
        return context;
    }

    /** The context's namespace from the kubeconfig, {@code default} when it names none. */
    public String namespace() {
        return namespace;
    }

    /** The API server URL, for messages. */
    public String server() {
        return client.getConfiguration().getMasterUrl();
    }

    /**
     * The server's Kubernetes version ({@code v1.31.2}), asked off the caller's thread; fails with
     * UNREACHABLE or TIMEOUT.
     */
    public CompletableFuture<String> kubernetesVersion() {
        return CompletableFuture.supplyAsync(() -> {
                    VersionInfo v = client.getKubernetesVersion();
                    return v.getGitVersion();
                })
                .orTimeout(REQUEST_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(KubeErrors.translate(e, "version")));
    }

    KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
