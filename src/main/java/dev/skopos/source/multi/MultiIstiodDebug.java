package dev.skopos.source.multi;

import dev.skopos.source.IstiodDebug;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import dev.skopos.source.SourceException.Reason;
import dev.skopos.source.SynczAnswer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Every cluster's istiod replicas, each stamped with its cluster (a multi-primary mesh has an
 * istiod per cluster, and each reports the proxies connected to it); questions go to the cluster
 * the replica runs in, addressed as that cluster's source knows it.
 */
final class MultiIstiodDebug implements IstiodDebug {

    private static final String ASKED = "istiod replicas";
    private static final Comparator<IstiodInstance> ORDER = Comparator.comparing(IstiodInstance::name)
            .thenComparing(i -> i.pod().cluster());

    private final ClusterMembers members;
    private final ClusterProblems problems;

    MultiIstiodDebug(ClusterMembers members, ClusterProblems problems) {
        this.members = members;
        this.problems = problems;
    }

    @Override
    public List<IstiodInstance> instances() {
        List<IstiodInstance> out = new ArrayList<>();
        for (ClusterMembers.Member m : members.all()) {
            try {
                for (IstiodInstance i : m.source().istiod().instances()) {
                    out.add(new IstiodInstance(i.pod().inCluster(m.name()), i.revision(), i.version()));
                }
                problems.clear(m.name(), ASKED);
            } catch (SourceException e) {
                problems.report(m.name(), ASKED, ASKED + ": " + e.getMessage());
            }
        }
        out.sort(ORDER);
        return out;
    }

    /** The answer names the replica as it was asked (with its cluster), so reports stay told apart. */
    @Override
    public CompletableFuture<SynczAnswer> syncz(IstiodInstance istiod) {
        return onReplica(istiod, (debug, local) -> debug.syncz(local))
                .thenApply(a -> new SynczAnswer(istiod, a.format(), a.body()));
    }

    /** istiod knows the proxy by its id alone. */
    @Override
    public CompletableFuture<String> configDump(IstiodInstance istiod, PodRef proxy) {
        return onReplica(istiod, (debug, local) -> debug.configDump(local, proxy.inCluster("")));
    }

    @Override
    public CompletableFuture<String> metrics(IstiodInstance istiod) {
        return onReplica(istiod, IstiodDebug::metrics);
    }

    @Override
    public CompletableFuture<String> logScopes(IstiodInstance istiod) {
        return onReplica(istiod, IstiodDebug::logScopes);
    }

    @Override
    public CompletableFuture<String> setLogScope(IstiodInstance istiod, String scope, String level) {
        return onReplica(istiod, (debug, local) -> debug.setLogScope(local, scope, level));
    }

    private <T> CompletableFuture<T> onReplica(IstiodInstance istiod,
                                               BiFunction<IstiodDebug, IstiodInstance, CompletableFuture<T>> call) {
        ClusterMembers.Member member;
        try {
            member = memberOf(istiod);
        } catch (SourceException e) {
            return CompletableFuture.failedFuture(e);
        }
        IstiodInstance local = new IstiodInstance(istiod.pod().inCluster(""), istiod.revision(), istiod.version());
        return call.apply(member.source().istiod(), local);
    }

    /** The replica's cluster; a replica named without one (a saved answer) is looked up by name. */
    private ClusterMembers.Member memberOf(IstiodInstance istiod) {
        if (!istiod.pod().cluster().isEmpty()) {
            return members.named(istiod.pod().cluster());
        }
        List<IstiodInstance> named = instances().stream().filter(i -> i.name().equals(istiod.name())).toList();
        if (named.size() != 1) {
            throw new SourceException(Reason.NOT_FOUND, named.isEmpty()
                    ? "istiod " + istiod.name() + " not found in any watched cluster"
                    : "istiod " + istiod.name() + " runs in several clusters; name one context");
        }
        return members.named(named.get(0).pod().cluster());
    }
}
