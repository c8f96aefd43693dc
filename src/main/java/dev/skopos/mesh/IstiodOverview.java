package dev.skopos.mesh;

import dev.skopos.istiod.IstiodMetrics;
import dev.skopos.istiod.ReplicaLoad;
import dev.skopos.istiod.SynczParser;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.MeshSource;
import dev.skopos.source.SourceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The istiod view's data: every replica's metrics and how many proxies its syncz reports, asked
 * in parallel. Connections are counted from syncz (what istiod says it serves), not from a gauge
 * that older istiods label differently. A replica that does not answer keeps its row with the reason.
 */
public record IstiodOverview(List<IstiodInstance> replicas, Map<String, IstiodMetrics> metrics,
                             Map<String, String> errors, ReplicaLoad load) {

    public static CompletableFuture<IstiodOverview> load(MeshSource source, Executor executor) {
        List<IstiodInstance> replicas = source.istiod().instances();
        List<CompletableFuture<Void>> work = new ArrayList<>();
        Map<String, IstiodMetrics> metrics = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, String> errors = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Long> proxies = new java.util.concurrent.ConcurrentHashMap<>();
        for (IstiodInstance i : replicas) {
            work.add(source.istiod().metrics(i).thenApplyAsync(IstiodMetrics::parse, executor)
                    .handle((m, e) -> {
                        if (e == null) {
                            metrics.put(i.name(), m);
                        } else {
                            errors.put(i.name(), SourceException.describe(e));
                        }
                        return null;
                    }));
            work.add(source.istiod().syncz(i).thenApplyAsync(a -> (long) SynczParser.parse(a).size(), executor)
                    .handle((n, e) -> {
                        proxies.put(i.name(), e == null ? n : 0L);
                        return null;
                    }));
        }
        return CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, Long> ordered = new LinkedHashMap<>();
            replicas.forEach(i -> ordered.put(i.name(), proxies.getOrDefault(i.name(), 0L)));
            return new IstiodOverview(replicas, Map.copyOf(metrics), Map.copyOf(errors), ReplicaLoad.of(ordered));
        });
    }
}
