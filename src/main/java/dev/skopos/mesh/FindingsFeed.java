package dev.skopos.mesh;

import dev.skopos.analysis.AnalysisRun;
import dev.skopos.analysis.Analyzers;
import dev.skopos.analysis.ClusterFacts;
import dev.skopos.analysis.Diagnostic;
import dev.skopos.analysis.ResourceSnapshot;
import dev.skopos.analysis.Suppressions;
import dev.skopos.source.MeshSource;
import dev.skopos.source.Scope;
import java.time.Duration;
import dev.skopos.analysis.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs every analyzer over what the source holds, off the GUI thread. Kinds the identity may not
 * list are left out and named, so a restricted user still gets every finding the rest allows.
 */
public final class FindingsFeed {

    /**
     * The findings (objects' and runtime ones, merged and ordered), the snapshot they came from
     * (explanations read it), the runtime findings alone (so a refresh can reuse them), and the
     * parts that could not be read.
     */
    public record Findings(List<Diagnostic> diagnostics, ResourceSnapshot snapshot, List<Diagnostic> runtime,
                           List<String> problems) {
        public Findings {
            diagnostics = List.copyOf(diagnostics);
            runtime = List.copyOf(runtime);
            problems = List.copyOf(problems);
        }
    }

    /** How long an analysis waits for the API server's version before running without it. */
    static final Duration VERSION_WAIT = Duration.ofSeconds(3);

    /**
     * Each cluster's objects analysed on their own (several clusters usually hold the same
     * configuration, which analysed together would read as conflicts); a finding every cluster
     * has is listed once. Explanations read one snapshot of every cluster's objects.
     */
    private static Findings analyse(MeshSource source, Scope scoped, String kubernetesVersion) {
        List<String> problems = new ArrayList<>();
        Map<String, AnalysisInputs.ClusterView> views = AnalysisInputs.byCluster(source.objects(), problems, scoped);
        ClusterFacts facts = kubernetesVersion == null ? null : ClusterFacts.ofVersion(kubernetesVersion);
        List<Diagnostic> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Resource> everything = new ArrayList<>();
        AnalysisInputs.ClusterView first = views.values().iterator().next();
        for (AnalysisInputs.ClusterView view : views.values()) {
            ResourceSnapshot snapshot = new ResourceSnapshot(view.resources(), view.meshConfig(), view.meshNetworks())
                    .withClusterFacts(facts);
            Set<String> here = new HashSet<>();
            for (Diagnostic d : AnalysisRun.run(snapshot, Analyzers.all(), Suppressions.NONE)) {
                String key = d.code() + "|" + (d.resource() == null ? "" : d.resource().display()) + "|" + d.message();
                here.add(key);
                if (!seen.contains(key)) {
                    found.add(d);
                }
            }
            seen.addAll(here);
            everything.addAll(view.resources());
        }
        found.sort(AnalysisRun.ORDER);
        ResourceSnapshot all = new ResourceSnapshot(everything, first.meshConfig(), first.meshNetworks())
                .withClusterFacts(facts);
        return new Findings(found, all, List.of(), problems);
    }

    /** Runtime findings, or why they could not be pulled. */
    private record Runtime(List<Diagnostic> found, String problem) {}

    private FindingsFeed() {
    }

    /**
     * Analyses the objects and joins the runtime findings: pulled afresh when {@code reuseRuntime}
     * is null, else those given (pulling every proxy's certificates on each object change would make
     * a busy cluster's pod churn into a stream of port-forwards). A fresh pull asks the proxies
     * themselves only with {@code askProxies} (see {@link RuntimeFindings}).
     *
     * @param scoped the namespace the user works in: kinds the identity may list only there are read there
     */
    public static CompletableFuture<Findings> load(MeshSource source, Scope scoped, Executor executor,
                                                   java.time.Clock clock, List<Diagnostic> reuseRuntime,
                                                   boolean askProxies) {
        CompletableFuture<Findings> objects = kubernetesVersion(source)
                .thenApplyAsync(version -> analyse(source, scoped, version), executor);
        CompletableFuture<Runtime> runtime = reuseRuntime != null
                ? CompletableFuture.completedFuture(new Runtime(reuseRuntime, null))
                : CompletableFuture.supplyAsync(() -> RuntimeFindings.load(source, scoped, executor, clock, askProxies),
                        executor)
                        .thenCompose(f -> f)
                        .handle((list, e) -> e == null ? new Runtime(list, null)
                                : new Runtime(List.of(), "runtime checks: " + dev.skopos.source.SourceException.describe(e)));
        return objects.thenCombine(runtime, (f, r) -> {
            List<Diagnostic> all = new ArrayList<>(f.diagnostics());
            all.addAll(r.found());
            all.sort(AnalysisRun.ORDER);
            List<String> problems = new ArrayList<>(f.problems());
            if (r.problem() != null) {
                problems.add(r.problem());
            }
            return new Findings(all, f.snapshot(), r.found(), problems);
        });
    }

    /**
     * The source's Kubernetes version, or null when it is unknown, failed or slow: the version
     * checks are worth a short wait, not a late analysis. A copy, so the timeout leaves the
     * source's own (cached) future alone.
     */
    public static CompletableFuture<String> kubernetesVersion(MeshSource source) {
        return source.kubernetesVersion().thenApply(v -> v)
                .completeOnTimeout(null, VERSION_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> null);
    }
}
