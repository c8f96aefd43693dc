package dev.skopos.mesh;

import dev.skopos.analysis.AnalysisRun;
import dev.skopos.analysis.Analyzers;
import dev.skopos.analysis.Diagnostic;
import dev.skopos.analysis.ResourceSnapshot;
import dev.skopos.analysis.Suppressions;
import dev.skopos.source.MeshSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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

    /** Runtime findings, or why they could not be pulled. */
    private record Runtime(List<Diagnostic> found, String problem) {}

    private FindingsFeed() {
    }

    /**
     * Analyses the objects and joins the runtime findings: pulled afresh when {@code reuseRuntime}
     * is null, else those given (pulling every proxy's certificates on each object change would make
     * a busy cluster's pod churn into a stream of port-forwards). A fresh pull asks the proxies
     * themselves only with {@code askProxies} (see {@link RuntimeFindings}).
     */
    public static CompletableFuture<Findings> load(MeshSource source, Executor executor, java.time.Clock clock,
                                                   List<Diagnostic> reuseRuntime, boolean askProxies) {
        CompletableFuture<Findings> objects = CompletableFuture.supplyAsync(() -> {
            List<String> problems = new ArrayList<>();
            AnalysisInputs.ClusterView view = AnalysisInputs.fromCluster(source.objects(), problems);
            ResourceSnapshot snapshot = new ResourceSnapshot(view.resources(), view.meshConfig(), view.meshNetworks());
            return new Findings(AnalysisRun.run(snapshot, Analyzers.all(), Suppressions.NONE), snapshot, List.of(),
                    problems);
        }, executor);
        CompletableFuture<Runtime> runtime = reuseRuntime != null
                ? CompletableFuture.completedFuture(new Runtime(reuseRuntime, null))
                : CompletableFuture.supplyAsync(() -> RuntimeFindings.load(source, executor, clock, askProxies), executor)
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
}
