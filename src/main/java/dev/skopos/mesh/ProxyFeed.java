package dev.skopos.mesh;

import dev.skopos.istiod.ProxySync;
import dev.skopos.istiod.SyncMerger;
import dev.skopos.istiod.SynczParser;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.KubeObject;
import dev.skopos.source.MeshSource;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Builds the proxy list: pods from the object cache joined with every istiod replica's sync
 * report. Replicas are asked in parallel; one that fails leaves a problem line, not a blank view.
 */
public final class ProxyFeed {

    private final MeshSource source;
    private final Executor executor;

    public ProxyFeed(MeshSource source, Executor executor) {
        this.source = source;
        this.executor = executor;
    }

    /** Everything off the caller's thread: a live source may start an informer to find istiod. */
    public CompletableFuture<ProxyList> load(Scope scope) {
        return CompletableFuture.supplyAsync(() -> source.istiod().instances(), executor)
                .thenCompose(istiods -> load(scope, istiods));
    }

    private CompletableFuture<ProxyList> load(Scope scope, List<IstiodInstance> istiods) {
        List<CompletableFuture<Replica>> replies = new ArrayList<>();
        for (IstiodInstance istiod : istiods) {
            replies.add(source.istiod().syncz(istiod)
                    .thenApplyAsync(answer -> new Replica(SynczParser.parse(answer), null), executor)
                    .exceptionally(e -> new Replica(List.of(), replicaName(istiod) + ": " + SourceException.describe(e))));
        }
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).thenApplyAsync(done -> {
            List<String> problems = new ArrayList<>();
            List<List<ProxySync>> reports = new ArrayList<>();
            for (CompletableFuture<Replica> r : replies) {
                Replica replica = r.join();
                reports.add(replica.syncs());
                if (replica.problem() != null) {
                    problems.add(replica.problem());
                }
            }
            List<KubeObject> pods = source.objects().list(ResourceKind.POD, scope);
            return new ProxyList(ProxyInventory.build(pods, SyncMerger.merge(reports)), problems);
        }, executor);
    }

    /** {@code istiod-7f9c}, or {@code west/istiod-7f9c} when several clusters are watched. */
    private static String replicaName(IstiodInstance istiod) {
        String cluster = istiod.pod().cluster();
        return cluster.isEmpty() ? istiod.name() : cluster + "/" + istiod.name();
    }

    private record Replica(List<ProxySync> syncs, String problem) {}
}
