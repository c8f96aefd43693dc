package dev.skopos.source.multi;

import dev.skopos.source.KubeObject;
import dev.skopos.source.MeshSource;
import dev.skopos.source.PodRef;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import dev.skopos.source.SourceException.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * The watched clusters by name (kube context), in the order the user gave them, and where a pod
 * lives among them: a pod that names its cluster goes there; one that does not (typed on a command
 * line) goes to the only cluster whose cache holds it.
 */
final class ClusterMembers {

    /** One watched cluster. */
    record Member(String name, MeshSource source) {}

    /** A pod found in a member, addressed as that member's own source knows it (no cluster). */
    record Located(Member member, PodRef pod) {}

    private final Map<String, Member> byName = new LinkedHashMap<>();

    ClusterMembers(Map<String, ? extends MeshSource> clusters) {
        if (clusters.isEmpty()) {
            throw new IllegalArgumentException("no cluster to watch");
        }
        clusters.forEach((name, source) -> byName.put(name, new Member(name, source)));
    }

    List<Member> all() {
        return List.copyOf(byName.values());
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** @throws SourceException NOT_FOUND for a cluster that is not watched */
    Member named(String cluster) {
        Member m = byName.get(cluster);
        if (m == null) {
            throw new SourceException(Reason.NOT_FOUND, "cluster \"" + cluster + "\" is not watched (watching "
                    + String.join(", ", byName.keySet()) + ")");
        }
        return m;
    }

    /** @throws SourceException NOT_FOUND when no cluster, or more than one, holds a pod that names none */
    Located locate(PodRef pod) {
        if (!pod.cluster().isEmpty()) {
            return new Located(named(pod.cluster()), pod.inCluster(""));
        }
        List<Member> holding = new ArrayList<>();
        for (Member m : byName.values()) {
            if (holds(m, pod)) {
                holding.add(m);
            }
        }
        if (holding.size() == 1) {
            return new Located(holding.get(0), pod);
        }
        String names = String.join(", ", holding.isEmpty() ? byName.keySet() : holding.stream().map(Member::name).toList());
        throw new SourceException(Reason.NOT_FOUND, holding.isEmpty()
                ? "pod " + pod.proxyId() + " not found in any watched cluster (" + names + ")"
                : "pod " + pod.proxyId() + " exists in several clusters (" + names + "); name one context");
    }

    /** Runs a call on the pod's cluster; a pod that cannot be placed fails the future, as any call may. */
    <T> CompletableFuture<T> onPod(PodRef pod, BiFunction<MeshSource, PodRef, CompletableFuture<T>> call) {
        Located at;
        try {
            at = locate(pod);
        } catch (SourceException e) {
            return CompletableFuture.failedFuture(e);
        }
        return call.apply(at.member().source(), at.pod());
    }

    private static boolean holds(Member m, PodRef pod) {
        try {
            for (KubeObject o : m.source().objects().list(ResourceKind.POD, Scope.of(pod.namespace()))) {
                if (o.name().equals(pod.name()) && o.namespace().equals(pod.namespace())) {
                    return true;
                }
            }
        } catch (SourceException e) {
            return false; // a cluster that cannot list pods cannot be said to hold this one
        }
        return false;
    }
}
