package dev.skopos.source.multi;

import dev.skopos.source.ClusterObjects;
import dev.skopos.source.EnvoyAdmin;
import dev.skopos.source.IstiodDebug;
import dev.skopos.source.LogStreams;
import dev.skopos.source.MeshSource;
import dev.skopos.source.PortForwards;
import dev.skopos.source.SourceInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Several clusters watched as one mesh (a multi-primary mesh has an istiod per cluster): objects
 * and istiod replicas of every cluster, stamped with the cluster (kube context) they came from,
 * and every pod-addressed call routed to the cluster its {@code PodRef} names. It composes any
 * {@link MeshSource}s, so it knows nothing of how each one reaches its cluster.
 *
 * <p>One failing cluster never hides the others: what it cannot answer is left out of the merged
 * answers and shows in {@link #staleness}, prefixed with its name.
 */
public final class MultiClusterSource implements MeshSource {

    private static final Logger LOG = Logger.getLogger(MultiClusterSource.class.getName());

    private final ClusterMembers members;
    private final ClusterProblems problems = new ClusterProblems();
    private final MultiObjects objects;
    private final MultiEnvoyAdmin envoy;
    private final MultiIstiodDebug istiod;
    private final MultiLogStreams logs;
    private final MultiPortForwards forwards;

    /**
     * @param clusters each cluster's source by context name, in the order the user named them
     * @param executor where clusters are asked in parallel when an answer needs all of them
     */
    public MultiClusterSource(Map<String, ? extends MeshSource> clusters, Executor executor) {
        this.members = new ClusterMembers(clusters);
        this.objects = new MultiObjects(members, problems, executor);
        this.envoy = new MultiEnvoyAdmin(members);
        this.istiod = new MultiIstiodDebug(members, problems);
        this.logs = new MultiLogStreams(members);
        this.forwards = new MultiPortForwards(members);
    }

    /** The clusters' own sources by context name (one-shot commands wait for each to list). */
    public Map<String, MeshSource> clusters() {
        Map<String, MeshSource> out = new LinkedHashMap<>();
        members.all().forEach(m -> out.put(m.name(), m.source()));
        return out;
    }

    /** Every context, each cluster's description, and the Istio versions of all of them. */
    @Override
    public SourceInfo info() {
        List<String> descriptions = new ArrayList<>();
        TreeSet<String> versions = new TreeSet<>();
        SourceInfo.Kind kind = null;
        for (ClusterMembers.Member m : members.all()) {
            SourceInfo info = m.source().info();
            kind = kind == null || kind == info.kind() ? info.kind() : SourceInfo.Kind.LIVE;
            descriptions.add(m.name() + ": " + info.description());
            versions.addAll(info.istioVersions());
        }
        return new SourceInfo(kind, members.names(), String.join(", ", descriptions), List.copyOf(versions));
    }

    @Override
    public ClusterObjects objects() {
        return objects;
    }

    @Override
    public EnvoyAdmin envoy() {
        return envoy;
    }

    @Override
    public IstiodDebug istiod() {
        return istiod;
    }

    @Override
    public LogStreams logs() {
        return logs;
    }

    @Override
    public PortForwards portForwards() {
        return forwards;
    }

    /** ctrl-r: every cluster forgets its cached pod answers. */
    @Override
    public void forgetAnswers() {
        members.all().forEach(m -> m.source().forgetAnswers());
    }

    /**
     * The oldest Kubernetes version among the clusters that answer: the version checks warn about
     * the cluster most likely to be out of support. Null when none answers.
     */
    @Override
    public CompletableFuture<String> kubernetesVersion() {
        List<CompletableFuture<String>> asked = members.all().stream()
                .map(m -> m.source().kubernetesVersion().exceptionally(e -> null)).toList();
        return CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).thenApply(done -> asked.stream()
                .map(CompletableFuture::join).filter(v -> v != null && !v.isBlank())
                .min(KubernetesVersions.OLDEST_FIRST).orElse(null));
    }

    /** Each troubled cluster's banner and unanswered questions, every part prefixed with its name. */
    @Override
    public String staleness(Instant now) {
        return perCluster(m -> m.source().staleness(now));
    }

    @Override
    public String unavailable() {
        return perCluster(m -> m.source().unavailable());
    }

    private String perCluster(java.util.function.Function<ClusterMembers.Member, String> why) {
        List<String> parts = new ArrayList<>();
        for (ClusterMembers.Member m : members.all()) {
            String stale = why.apply(m);
            if (!stale.isEmpty()) {
                parts.add(m.name() + ": " + stale);
            }
            problems.of(m.name()).forEach(p -> parts.add(m.name() + ": " + p));
        }
        return String.join("; ", parts);
    }

    /** Closes every cluster's source; one that fails to close does not keep the others open. */
    @Override
    public void close() {
        for (ClusterMembers.Member m : members.all()) {
            try {
                m.source().close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "closing cluster " + m.name(), e);
            }
        }
    }
}
