package dev.skopos.source.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.IstiodDebug;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.PodRef;
import dev.skopos.source.SynczAnswer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * istiod's debug endpoints through a port-forward per replica: the HTTP debug server (15014) for
 * {@code /debug/syncz}, {@code /debug/config_dump} and {@code /metrics}, and ControlZ (9876, where
 * {@code istioctl admin log} goes) for log scopes. The xDS {@code istio.io/debug/syncz} type on
 * 15012 needs an mTLS gRPC client; the HTTP list carries the same per-proxy report, so we speak it.
 * TTLs: syncz 5 s (the proxy list should feel live), metrics 10 s (Prometheus scrapes at 15 s
 * anyway), istiod's config_dump 15 s (as Envoy's, so a diff compares like with like), scopes 5 s
 * and forgotten after a PUT to the same replica.
 */
public final class LiveIstiodDebug implements IstiodDebug {

    public static final int DEFAULT_DEBUG_PORT = 15014;
    public static final int DEFAULT_CONTROLZ_PORT = 9876;

    static final Duration SYNCZ_TTL = Duration.ofSeconds(5);
    static final Duration METRICS_TTL = Duration.ofSeconds(10);
    static final Duration CONFIG_DUMP_TTL = Duration.ofSeconds(15);
    static final Duration SCOPES_TTL = Duration.ofSeconds(5);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AdminPorts ports;
    private final AnswerCache cache;
    private final Supplier<List<IstiodInstance>> replicas;
    private final int debugPort;
    private final int controlzPort;

    /** {@code replicas} comes from the objects side (istiod pods in the control-plane namespace). */
    public LiveIstiodDebug(AdminPorts ports, Executor executor, Supplier<List<IstiodInstance>> replicas) {
        this(ports, executor, replicas, DEFAULT_DEBUG_PORT, DEFAULT_CONTROLZ_PORT);
    }

    public LiveIstiodDebug(AdminPorts ports, Executor executor, Supplier<List<IstiodInstance>> replicas,
                           int debugPort, int controlzPort) {
        this(ports, new AnswerCache(ports, executor), replicas, debugPort, controlzPort);
    }

    /** Sharing the cluster's one answer cache with the Envoy admin calls. */
    LiveIstiodDebug(AdminPorts ports, AnswerCache cache, Supplier<List<IstiodInstance>> replicas,
                    int debugPort, int controlzPort) {
        this.ports = ports;
        this.cache = cache;
        this.replicas = replicas;
        this.debugPort = debugPort;
        this.controlzPort = controlzPort;
    }

    @Override
    public List<IstiodInstance> instances() {
        return replicas.get().stream().sorted(Comparator.comparing(IstiodInstance::name)).toList();
    }

    @Override
    public CompletableFuture<SynczAnswer> syncz(IstiodInstance istiod) {
        return cache.get(istiod.pod(), debugPort, "/debug/syncz", SYNCZ_TTL)
                .thenApply(body -> new SynczAnswer(istiod, SynczAnswer.Format.HTTP, body));
    }

    @Override
    public CompletableFuture<String> configDump(IstiodInstance istiod, PodRef proxy) {
        String path = "/debug/config_dump?proxyID=" + URLEncoder.encode(proxy.proxyId(), StandardCharsets.UTF_8);
        return cache.get(istiod.pod(), debugPort, path, CONFIG_DUMP_TTL);
    }

    @Override
    public CompletableFuture<String> metrics(IstiodInstance istiod) {
        return cache.get(istiod.pod(), debugPort, "/metrics", METRICS_TTL);
    }

    @Override
    public CompletableFuture<String> logScopes(IstiodInstance istiod) {
        return cache.get(istiod.pod(), controlzPort, "/scopej/", SCOPES_TTL);
    }

    /**
     * The PUT istioctl sends ({@code dev.skopos.istiod.ControlzScopes#putBody}: only name and
     * output_level). ControlZ answers 202 with an empty body; callers re-read the scopes.
     */
    @Override
    public CompletableFuture<String> setLogScope(IstiodInstance istiod, String scope, String level) {
        ObjectNode body = MAPPER.createObjectNode().put("name", scope).put("output_level", level);
        cache.invalidate(istiod.pod(), controlzPort);
        return ports.send(istiod.pod(), controlzPort, "PUT", "/scopej/" + scope, body + "\n")
                .whenComplete((answer, error) -> cache.invalidate(istiod.pod(), controlzPort));
    }
}
