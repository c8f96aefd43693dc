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

    /** The findings, the snapshot they came from (explanations read it), and the kinds that could not be read. */
    public record Findings(List<Diagnostic> diagnostics, ResourceSnapshot snapshot, List<String> problems) {
        public Findings {
            diagnostics = List.copyOf(diagnostics);
            problems = List.copyOf(problems);
        }
    }

    private FindingsFeed() {
    }

    /** The objects' findings and, joined in, the runtime ones (sync, certificates, secrets, istiod load). */
    public static CompletableFuture<Findings> load(MeshSource source, Executor executor, java.time.Clock clock) {
        CompletableFuture<Findings> objects = CompletableFuture.supplyAsync(() -> {
            List<String> problems = new ArrayList<>();
            AnalysisInputs.ClusterView view = AnalysisInputs.fromCluster(source.objects(), problems);
            ResourceSnapshot snapshot = new ResourceSnapshot(view.resources(), view.meshConfig(), view.meshNetworks());
            return new Findings(AnalysisRun.run(snapshot, Analyzers.all(), Suppressions.NONE), snapshot, problems);
        }, executor);
        CompletableFuture<Object> runtime = CompletableFuture.supplyAsync(() -> RuntimeFindings.load(source, executor, clock),
                executor).thenCompose(f -> f).handle((list, e) -> e == null ? (Object) list
                : "runtime checks: " + dev.skopos.source.SourceException.describe(e));
        return objects.thenCombine(runtime, (f, r) -> {
            List<Diagnostic> all = new ArrayList<>(f.diagnostics());
            List<String> problems = new ArrayList<>(f.problems());
            if (r instanceof List<?> list) {
                list.forEach(d -> all.add((Diagnostic) d));
            } else {
                problems.add(String.valueOf(r));
            }
            all.sort(AnalysisRun.ORDER);
            return new Findings(all, f.snapshot(), problems);
        });
    }
}
