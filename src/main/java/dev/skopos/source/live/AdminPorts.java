package dev.skopos.source.live;

import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import dev.skopos.source.SourceException.Reason;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * HTTP/1.1 to a pod's local-only port (Envoy admin 15000, istiod debug 15014, ControlZ 9876)
 * through a port-forward, as istioctl does: Envoy's admin listens on localhost inside the pod, so
 * the API server's pod proxy cannot reach it. Every failure becomes a {@link SourceException}
 * with a line a user can act on. GETs to the same URL share one request while it is in flight.
 */
public final class AdminPorts implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Long enough to cover a TUI refresh cycle, short enough not to hold kubelet streams open. */
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(60);

    private record Url(PodRef pod, int port, String path) {}

    private final ForwardPool pool;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<Url, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();

    public AdminPorts(KubernetesClient client, Executor executor) {
        this(client, executor, DEFAULT_TIMEOUT, DEFAULT_IDLE);
    }

    public AdminPorts(KubernetesClient client, Executor executor, Duration timeout, Duration idleAfter) {
        this.pool = new ForwardPool(client, executor, idleAfter);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** {@code GET path} (with its query); concurrent asks for the same URL share the answer. */
    public CompletableFuture<String> get(PodRef pod, int port, String path) {
        Url url = new Url(pod, port, path);
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> shared = inFlight.putIfAbsent(url, mine);
        if (shared != null) {
            return shared.copy();
        }
        exchange(pod, port, "GET", path, null).whenComplete((body, error) -> {
            inFlight.remove(url, mine);
            if (error != null) {
                mine.completeExceptionally(error);
            } else {
                mine.complete(body);
            }
        });
        return mine.copy();
    }

    /** A mutating request ({@code POST}, {@code PUT}); never shared, since each one changes state. */
    public CompletableFuture<String> send(PodRef pod, int port, String method, String path, String jsonBody) {
        return exchange(pod, port, method, path, jsonBody);
    }

    /** How many port-forwards are open right now. */
    public int openForwards() {
        return pool.open();
    }

    private CompletableFuture<String> exchange(PodRef pod, int port, String method, String path, String body) {
        ForwardPool.Tunnel tunnel;
        try {
            tunnel = pool.acquire(pod, port);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new SourceException(Reason.UNREACHABLE,
                    "cannot port-forward to pod " + where(pod) + ": " + SourceException.describe(e), e));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tunnel.localPort() + path))
                .timeout(timeout);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    Throwable cause = unwrap(error);
                    SourceException failure = cause != null ? transportFailure(cause, tunnel.errors(), pod, port, path)
                            : statusFailure(response, pod, port, path);
                    pool.release(tunnel, cause != null);
                    if (failure != null) {
                        throw new CompletionException(failure);
                    }
                    return response.body();
                });
    }

    /** Why the request failed: a timeout, or what the tunnel's errors say (see {@link ForwardErrors}). */
    private SourceException transportFailure(Throwable cause, List<Throwable> tunnelErrors, PodRef pod, int port,
                                             String path) {
        if (cause instanceof HttpTimeoutException) {
            return new SourceException(Reason.TIMEOUT, "pod " + where(pod) + " did not answer " + port + path
                    + " within " + seconds(timeout), cause);
        }
        SourceException explained = ForwardErrors.explain(tunnelErrors, pod, port, cause);
        if (explained != null) {
            return explained;
        }
        if (cause instanceof ConnectException) {
            return ForwardErrors.refused(pod, port, cause);
        }
        return new SourceException(Reason.UNREACHABLE, "pod " + where(pod) + ":" + port + path + ": "
                + SourceException.describe(cause), cause);
    }

    /** Envoy and istiod explain a refusal in the body's first line; a 400 is the caller's input. */
    static SourceException statusFailure(HttpResponse<String> response, PodRef pod, int port, String path) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return null;
        }
        String body = response.body() == null ? "" : response.body().strip();
        String first = body.isEmpty() ? "HTTP " + status : body.lines().findFirst().orElse("").strip();
        Reason reason = status == 400 ? Reason.MALFORMED : status == 404 && port == 15014 ? Reason.NOT_FOUND
                : Reason.UNREACHABLE;
        return new SourceException(reason, where(pod) + ":" + port + path + " answered " + status + ": " + first);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String where(PodRef pod) {
        return ForwardErrors.where(pod);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void close() {
        pool.close();
    }
}
