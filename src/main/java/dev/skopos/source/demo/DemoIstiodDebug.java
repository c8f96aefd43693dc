package dev.skopos.source.demo;

import dev.skopos.source.IstiodDebug;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import dev.skopos.source.SynczAnswer;
import dev.skopos.source.demo.envoy.ProxyConfigs;
import dev.skopos.source.demo.istiod.ControlZScopes;
import dev.skopos.source.demo.istiod.IstiodMetrics;
import dev.skopos.source.demo.istiod.SynczGenerator;
import dev.skopos.source.demo.scenario.DemoPod;
import dev.skopos.source.demo.scenario.Mesh;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The two istiod replicas of the demo mesh. */
final class DemoIstiodDebug implements IstiodDebug {

    private final Mesh mesh;
    private final ProxyConfigs configs;
    private final DemoEnvoyAdmin envoy;
    private final List<IstiodInstance> instances;
    private final Map<String, ControlZScopes> scopes = new ConcurrentHashMap<>();

    DemoIstiodDebug(Mesh mesh, ProxyConfigs configs, DemoEnvoyAdmin envoy) {
        this.mesh = mesh;
        this.configs = configs;
        this.envoy = envoy;
        this.instances = mesh.pods().stream().filter(p -> p.workload().app().equals("istiod"))
                .map(p -> new IstiodInstance(p.ref(), "default", mesh.scenario().istioVersion()))
                .sorted(java.util.Comparator.comparing(IstiodInstance::name))
                .toList();
    }

    @Override
    public List<IstiodInstance> instances() {
        return instances;
    }

    private DemoPod replica(IstiodInstance istiod) {
        return mesh.pod(istiod.pod()).filter(p -> p.workload().app().equals("istiod"))
                .orElseThrow(() -> new SourceException(SourceException.Reason.NOT_FOUND,
                        "istiod " + istiod.name() + " not found"));
    }

    private static <T> CompletableFuture<T> answer(Supplier<T> body) {
        try {
            return CompletableFuture.completedFuture(body.get());
        } catch (SourceException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<SynczAnswer> syncz(IstiodInstance istiod) {
        return answer(() -> new SynczAnswer(istiod, SynczAnswer.Format.XDS,
                SynczGenerator.xds(mesh, replica(istiod).name(), istiod.version())));
    }

    /** The same report in the pre-1.22 HTTP {@code /debug/syncz} format. */
    CompletableFuture<SynczAnswer> synczHttp(IstiodInstance istiod) {
        return answer(() -> new SynczAnswer(istiod, SynczAnswer.Format.HTTP, SynczGenerator.http(mesh, replica(istiod).name())));
    }

    @Override
    public CompletableFuture<String> configDump(IstiodInstance istiod, PodRef proxy) {
        return answer(() -> {
            DemoPod replica = replica(istiod);
            DemoPod pod = envoy.proxy(proxy);
            if (!pod.proxy().istiod().equals(replica.name())) {
                throw new SourceException(SourceException.Reason.NOT_FOUND,
                        "proxy " + proxy.proxyId() + " is not connected to " + replica.name());
            }
            return configs.istiodConfigDump(pod);
        });
    }

    @Override
    public CompletableFuture<String> metrics(IstiodInstance istiod) {
        return answer(() -> {
            DemoPod replica = replica(istiod);
            return IstiodMetrics.text(mesh, replica.name(), replica.age(), istiod.version());
        });
    }

    @Override
    public CompletableFuture<String> logScopes(IstiodInstance istiod) {
        return answer(() -> scopesOf(istiod).json());
    }

    @Override
    public CompletableFuture<String> setLogScope(IstiodInstance istiod, String scope, String level) {
        return answer(() -> scopesOf(istiod).set(scope, level));
    }

    private ControlZScopes scopesOf(IstiodInstance istiod) {
        return scopes.computeIfAbsent(replica(istiod).name(), n -> new ControlZScopes());
    }
}
