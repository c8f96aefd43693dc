package dev.skopos.source.multi;

import dev.skopos.source.ClusterObjects;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import dev.skopos.source.Subscription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Every cluster's objects as one list, each stamped with its cluster. A cluster that may not list
 * a kind is left out and reported to {@link ClusterProblems}; only when every cluster fails does
 * the list fail, with each cluster's reason.
 */
final class MultiObjects implements ClusterObjects {

    /** The contract's order (namespace, then name), clusters kept apart within a name. */
    private static final Comparator<KubeObject> ORDER = Comparator.comparing(KubeObject::namespace)
            .thenComparing(KubeObject::name).thenComparing(KubeObject::cluster);

    private final ClusterMembers members;
    private final ClusterProblems problems;
    private final Executor executor;

    MultiObjects(ClusterMembers members, ClusterProblems problems, Executor executor) {
        this.members = members;
        this.problems = problems;
        this.executor = executor;
    }

    @Override
    public List<KubeObject> list(ResourceKind kind, Scope scope) {
        List<KubeObject> merged = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        SourceException first = null;
        String asked = "list " + kind.plural();
        for (ClusterMembers.Member m : members.all()) {
            try {
                for (KubeObject o : m.source().objects().list(kind, scope)) {
                    merged.add(o.inCluster(m.name()));
                }
                problems.clear(m.name(), asked);
            } catch (SourceException e) {
                problems.report(m.name(), asked, e.getMessage());
                failures.add(m.name() + ": " + e.getMessage());
                first = first == null ? e : first;
            }
        }
        if (first != null && failures.size() == members.all().size()) {
            throw new SourceException(first.reason(), String.join("; ", failures), first);
        }
        merged.sort(ORDER);
        return merged;
    }

    /** The union over clusters (asked in parallel: each may wait on its discovery), one version per kind. */
    @Override
    public List<ResourceKind> servedKinds() {
        List<CompletableFuture<List<ResourceKind>>> asked = members.all().stream()
                .map(m -> CompletableFuture.supplyAsync(() -> m.source().objects().servedKinds(), executor)
                        .exceptionally(e -> List.of()))
                .toList();
        Map<String, ResourceKind> union = new LinkedHashMap<>();
        for (CompletableFuture<List<ResourceKind>> kinds : asked) {
            for (ResourceKind kind : kinds.join()) {
                union.putIfAbsent(kind.group() + "/" + kind.kind(), kind);
            }
        }
        return List.copyOf(union.values());
    }

    @Override
    public Subscription onChange(Runnable listener) {
        List<Subscription> subscriptions = members.all().stream()
                .map(m -> m.source().objects().onChange(listener)).toList();
        return () -> subscriptions.forEach(Subscription::close);
    }
}
