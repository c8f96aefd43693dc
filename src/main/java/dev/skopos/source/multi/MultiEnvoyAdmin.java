package dev.skopos.source.multi;

import dev.skopos.source.EnvoyAdmin;
import dev.skopos.source.PodRef;
import java.util.concurrent.CompletableFuture;

/** Envoy's admin API, asked of the cluster the proxy's pod lives in. */
final class MultiEnvoyAdmin implements EnvoyAdmin {

    private final ClusterMembers members;

    MultiEnvoyAdmin(ClusterMembers members) {
        this.members = members;
    }

    @Override
    public CompletableFuture<String> configDump(PodRef proxy, boolean includeEds) {
        return members.onPod(proxy, (source, pod) -> source.envoy().configDump(pod, includeEds));
    }

    @Override
    public CompletableFuture<String> clusters(PodRef proxy) {
        return members.onPod(proxy, (source, pod) -> source.envoy().clusters(pod));
    }

    @Override
    public CompletableFuture<String> serverInfo(PodRef proxy) {
        return members.onPod(proxy, (source, pod) -> source.envoy().serverInfo(pod));
    }

    @Override
    public CompletableFuture<String> logging(PodRef proxy) {
        return members.onPod(proxy, (source, pod) -> source.envoy().logging(pod));
    }

    @Override
    public CompletableFuture<String> certs(PodRef proxy) {
        return members.onPod(proxy, (source, pod) -> source.envoy().certs(pod));
    }

    @Override
    public CompletableFuture<String> stats(PodRef proxy, String filterRegex) {
        return members.onPod(proxy, (source, pod) -> source.envoy().stats(pod, filterRegex));
    }

    @Override
    public CompletableFuture<String> setLogLevel(PodRef proxy, String logger, String level) {
        return members.onPod(proxy, (source, pod) -> source.envoy().setLogLevel(pod, logger, level));
    }
}
