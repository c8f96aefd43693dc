package dev.skopos.source.demo;

import dev.skopos.source.EnvoyAdmin;
import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import dev.skopos.source.demo.envoy.EnvoyLoggers;
import dev.skopos.source.demo.envoy.ProxyConfigs;
import dev.skopos.source.demo.scenario.DemoPod;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** Envoy's admin API of every demo proxy. Answers are immediate; only the logger levels change. */
final class DemoEnvoyAdmin implements EnvoyAdmin {

    private final ProxyConfigs configs;
    private final Map<PodRef, EnvoyLoggers> loggers = new ConcurrentHashMap<>();

    DemoEnvoyAdmin(ProxyConfigs configs) {
        this.configs = configs;
    }

    /** The proxy's pod, or the SourceException a live source would report. */
    DemoPod proxy(PodRef ref) {
        DemoPod pod = configs.mesh().pod(ref).orElseThrow(() -> new SourceException(SourceException.Reason.NOT_FOUND,
                "pod " + ref.namespace() + "/" + ref.name() + " not found"));
        if (!pod.hasProxy()) {
            throw new SourceException(SourceException.Reason.NOT_FOUND,
                    "pod " + ref.namespace() + "/" + ref.name() + " has no istio-proxy container");
        }
        return pod;
    }

    private CompletableFuture<String> answer(PodRef ref, Function<DemoPod, String> body) {
        try {
            return CompletableFuture.completedFuture(body.apply(proxy(ref)));
        } catch (SourceException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private EnvoyLoggers loggersOf(DemoPod pod) {
        return loggers.computeIfAbsent(pod.ref(), r -> new EnvoyLoggers(pod.proxy().loggerOverrides()));
    }

    @Override
    public CompletableFuture<String> configDump(PodRef proxy, boolean includeEds) {
        return answer(proxy, pod -> configs.envoyConfigDump(pod, includeEds));
    }

    @Override
    public CompletableFuture<String> clusters(PodRef proxy) {
        return answer(proxy, configs::clustersJson);
    }

    @Override
    public CompletableFuture<String> serverInfo(PodRef proxy) {
        return answer(proxy, configs::serverInfo);
    }

    @Override
    public CompletableFuture<String> logging(PodRef proxy) {
        return answer(proxy, pod -> loggersOf(pod).listing());
    }

    @Override
    public CompletableFuture<String> certs(PodRef proxy) {
        return answer(proxy, configs::certs);
    }

    @Override
    public CompletableFuture<String> stats(PodRef proxy, String filterRegex) {
        return answer(proxy, pod -> {
            String all = configs.stats(pod);
            if (filterRegex == null || filterRegex.isEmpty()) {
                return all;
            }
            Pattern p;
            try {
                p = Pattern.compile(filterRegex);
            } catch (PatternSyntaxException e) {
                throw new SourceException(SourceException.Reason.MALFORMED, "Invalid re2 regex: " + filterRegex);
            }
            return all.lines().filter(l -> p.matcher(l.substring(0, l.indexOf(':'))).find())
                    .map(l -> l + "\n").collect(Collectors.joining());
        });
    }

    @Override
    public CompletableFuture<String> setLogLevel(PodRef proxy, String logger, String level) {
        return answer(proxy, pod -> loggersOf(pod).set(logger, level));
    }
}
