package dev.skopos.mesh;

import dev.skopos.envoy.config.ClusterStatus;
import dev.skopos.envoy.config.ClustersJsonParser;
import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.envoy.config.ConfigDumpParser;
import dev.skopos.envoy.config.ParseOptions;
import dev.skopos.source.MeshSource;
import dev.skopos.source.PodRef;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Envoy's configuration per proxy, parsed off the GUI thread and cached for a while: the config
 * dump (with EDS, so clusters know their endpoint counts) and the live {@code /clusters} view
 * (health and outlier flags). Only proxies someone looks at are ever pulled.
 */
public final class EnvoyConfigs {

    public static final Duration TTL = Duration.ofSeconds(30);

    private final ProxyAnswerCache<ConfigDump> dumps;
    private final ProxyAnswerCache<List<ClusterStatus>> clusters;

    public EnvoyConfigs(MeshSource source, Executor executor) {
        this.dumps = new ProxyAnswerCache<>(pod -> source.envoy().configDump(pod, true)
                .thenApplyAsync(body -> ConfigDumpParser.parse(body, ParseOptions.FULL), executor), TTL, executor);
        this.clusters = new ProxyAnswerCache<>(pod -> source.envoy().clusters(pod)
                .thenApplyAsync(body -> ClustersJsonParser.parse(body, true), executor), TTL, executor);
    }

    public CompletableFuture<ConfigDump> dump(PodRef pod, boolean reload) {
        return reload ? dumps.reload(pod) : dumps.get(pod);
    }

    public CompletableFuture<List<ClusterStatus>> clusters(PodRef pod, boolean reload) {
        return reload ? clusters.reload(pod) : clusters.get(pod);
    }

    public void clear() {
        dumps.clear();
        clusters.clear();
    }
}
