package dev.skopos.source.live;

import dev.skopos.source.EnvoyAdmin;
import dev.skopos.source.PodRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Envoy's admin API through a port-forward to each proxy's admin port (15000 unless
 * {@code --proxy-admin-port} says otherwise). GET answers are cached for a short while each:
 * <ul>
 *   <li>{@code /config_dump} 15 s: large (MBs) and slow to produce, changes only on xDS pushes;</li>
 *   <li>{@code /clusters}, {@code /logging}, {@code /stats} 5 s: cheap, and health or counters move;</li>
 *   <li>{@code /server_info} 30 s: uptime and state, nearly static;</li>
 *   <li>{@code /certs} 60 s: rotates every few hours.</li>
 * </ul>
 * A POST to a proxy forgets that proxy's answers, so the view that follows shows the change.
 */
public final class LiveEnvoyAdmin implements EnvoyAdmin {

    public static final int DEFAULT_ADMIN_PORT = 15000;

    static final Duration CONFIG_DUMP_TTL = Duration.ofSeconds(15);
    static final Duration CLUSTERS_TTL = Duration.ofSeconds(5);
    static final Duration SERVER_INFO_TTL = Duration.ofSeconds(30);
    static final Duration LOGGING_TTL = Duration.ofSeconds(5);
    static final Duration CERTS_TTL = Duration.ofSeconds(60);
    static final Duration STATS_TTL = Duration.ofSeconds(5);

    private final AdminPorts ports;
    private final AnswerCache cache;
    private final int adminPort;

    public LiveEnvoyAdmin(AdminPorts ports, Executor executor) {
        this(ports, executor, DEFAULT_ADMIN_PORT);
    }

    public LiveEnvoyAdmin(AdminPorts ports, Executor executor, int adminPort) {
        this(ports, new AnswerCache(ports, executor), adminPort);
    }

    /** Sharing the cluster's one answer cache with istiod's debug endpoints. */
    LiveEnvoyAdmin(AdminPorts ports, AnswerCache cache, int adminPort) {
        this.ports = ports;
        this.cache = cache;
        this.adminPort = adminPort;
    }

    @Override
    public CompletableFuture<String> configDump(PodRef proxy, boolean includeEds) {
        return get(proxy, includeEds ? "/config_dump?include_eds" : "/config_dump", CONFIG_DUMP_TTL);
    }

    @Override
    public CompletableFuture<String> clusters(PodRef proxy) {
        return get(proxy, "/clusters?format=json", CLUSTERS_TTL);
    }

    @Override
    public CompletableFuture<String> serverInfo(PodRef proxy) {
        return get(proxy, "/server_info", SERVER_INFO_TTL);
    }

    @Override
    public CompletableFuture<String> logging(PodRef proxy) {
        return get(proxy, "/logging", LOGGING_TTL);
    }

    @Override
    public CompletableFuture<String> certs(PodRef proxy) {
        return get(proxy, "/certs", CERTS_TTL);
    }

    @Override
    public CompletableFuture<String> stats(PodRef proxy, String filterRegex) {
        String path = filterRegex == null || filterRegex.isEmpty() ? "/stats" : "/stats?filter=" + encode(filterRegex);
        return get(proxy, path, STATS_TTL);
    }

    @Override
    public CompletableFuture<String> setLogLevel(PodRef proxy, String logger, String level) {
        String path = "/logging?" + (logger == null ? "level" : encode(logger)) + "=" + encode(level);
        // Forget before and after: nothing read while the POST is in flight may outlive it.
        cache.invalidate(proxy, adminPort);
        return ports.send(proxy, adminPort, "POST", path, null)
                .whenComplete((body, error) -> cache.invalidate(proxy, adminPort));
    }

    /** Forgets every cached answer of this cache (ctrl-r goes through {@code LiveSource.forgetAnswers}). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    private CompletableFuture<String> get(PodRef proxy, String path, Duration ttl) {
        return cache.get(proxy, adminPort, path, ttl);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
