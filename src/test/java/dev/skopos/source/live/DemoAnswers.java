package dev.skopos.source.live;

import dev.skopos.source.IstiodInstance;
import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import dev.skopos.source.demo.DemoSource;
import dev.skopos.source.demo.scenario.DemoPod;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * What the demo mesh's proxies and istiod replicas answer, served inside port-forward tunnels: a
 * live source reading pod P gets exactly the bytes {@code --demo} gives for P, so live and demo
 * output can be compared byte for byte. Which demo pod answers for a mock pod is the caller's
 * choice (itself, or one template pod for a synthetic mesh of thousands).
 */
final class DemoAnswers implements PortForwardDispatcher.Answers {

    static final int ENVOY_ADMIN = LiveEnvoyAdmin.DEFAULT_ADMIN_PORT;
    static final int ISTIOD_DEBUG = LiveIstiodDebug.DEFAULT_DEBUG_PORT;
    static final int CONTROLZ = LiveIstiodDebug.DEFAULT_CONTROLZ_PORT;

    private final DemoSource demo;
    private final Function<PodRef, Optional<DemoPod>> answeringPod;

    /** @param answeringPod the demo pod that answers for a mock pod; empty: nothing listens there */
    DemoAnswers(DemoSource demo, Function<PodRef, Optional<DemoPod>> answeringPod) {
        this.demo = demo;
        this.answeringPod = answeringPod;
    }

    /** Every pod answers as the demo pod of the same namespace and name. */
    static DemoAnswers sameNames(DemoSource demo) {
        return new DemoAnswers(demo, ref -> demo.mesh().pod(ref));
    }

    @Override
    public boolean serves(String ns, String pod, int port) {
        return answeringPod.apply(new PodRef(ns, pod)).map(p -> isIstiod(p)
                ? port == ISTIOD_DEBUG || port == CONTROLZ : p.hasProxy() && port == ENVOY_ADMIN).orElse(false);
    }

    @Override
    public PortForwardDispatcher.Answer answer(String ns, String pod, int port, String method, String path) {
        DemoPod answering = answeringPod.apply(new PodRef(ns, pod)).orElse(null);
        if (answering == null || !"GET".equals(method)) {
            return null;
        }
        CompletableFuture<String> body = isIstiod(answering) ? istiod(answering.ref(), port, path)
                : port == ENVOY_ADMIN ? envoy(answering.ref(), path) : null;
        if (body == null) {
            return null;
        }
        try {
            return new PortForwardDispatcher.Answer(200, body.join(), 0);
        } catch (CompletionException e) {
            String why = e.getCause() instanceof SourceException s ? s.getMessage() : String.valueOf(e.getCause());
            return new PortForwardDispatcher.Answer(503, why + "\n", 0);
        }
    }

    private CompletableFuture<String> envoy(PodRef ref, String path) {
        var envoy = demo.envoy();
        return switch (path) {
            case "/config_dump" -> envoy.configDump(ref, false);
            case "/config_dump?include_eds" -> envoy.configDump(ref, true);
            case "/clusters?format=json" -> envoy.clusters(ref);
            case "/server_info" -> envoy.serverInfo(ref);
            case "/logging" -> envoy.logging(ref);
            case "/certs" -> envoy.certs(ref);
            case "/stats" -> envoy.stats(ref, null);
            default -> path.startsWith("/stats?filter=") ? envoy.stats(ref, decode(path.substring(14))) : null;
        };
    }

    private CompletableFuture<String> istiod(PodRef ref, int port, String path) {
        IstiodInstance replica = demo.istiod().instances().stream().filter(i -> i.pod().equals(ref))
                .findFirst().orElse(null);
        if (replica == null) {
            return null;
        }
        if (port == CONTROLZ) {
            return path.equals("/scopej/") ? demo.istiod().logScopes(replica) : null;
        }
        if (path.equals("/debug/syncz")) {
            return demo.synczHttp(replica).thenApply(a -> a.body());
        }
        if (path.equals("/metrics")) {
            return demo.istiod().metrics(replica);
        }
        if (path.startsWith("/debug/config_dump?proxyID=")) {
            String proxy = decode(path.substring("/debug/config_dump?proxyID=".length()));
            return demo.istiod().configDump(replica, PodRef.parse(proxy, "default"));
        }
        return null;
    }

    private static boolean isIstiod(DemoPod pod) {
        return pod.workload().app().equals("istiod");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
