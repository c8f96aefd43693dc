package dev.skopos.cli;

import dev.skopos.analysis.ClusterFacts;
import dev.skopos.mesh.AnalysisInputs;
import dev.skopos.mesh.FindingsFeed;
import dev.skopos.source.MeshSource;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster side of {@code skopos analyze}: one context's objects, every kind listed before the
 * analysis runs (istioctl analyzes all it can list), and the API server's version for the version
 * checks. Kinds the identity may not read are left out and named on stderr, one line per reason.
 *
 * @param facts null when the server did not say its version
 */
record AnalyzedCluster(AnalysisInputs.ClusterView view, ClusterFacts facts) {

    /** Null when {@code -n} names a namespace the cluster lacks (said on stderr, as istioctl does). */
    static AnalyzedCluster read(SourceOptions source, boolean allNamespaces, String namespace, PrintWriter err)
            throws AnalyzeCommand.Stop {
        if (source.contexts != null && source.contexts.stream().distinct().count() > 1) {
            // Several clusters' objects side by side would read as conflicts (the same DestinationRule twice).
            throw new AnalyzeCommand.Stop(AnalyzeCommand.EXIT_UNSUPPORTED, "analyze reads one cluster, as istioctl"
                    + " analyze does; run it once per --context");
        }
        Scope scoped = Scope.of(namespace);
        try (MeshSource mesh = Sources.open(source)) {
            Sources.awaitSynced(mesh, mesh.objects().servedKinds(), scoped);
            if (source.namespace != null && !allNamespaces && !namespaceExists(mesh, source.namespace)) {
                err.println("namespace \"" + source.namespace + "\" not found");
                return null;
            }
            List<String> unread = new ArrayList<>();
            AnalysisInputs.ClusterView view = AnalysisInputs.fromCluster(mesh.objects(), unread, scoped);
            unread.forEach(problem -> err.println("skopos: partial analysis: " + problem));
            String version = FindingsFeed.kubernetesVersion(mesh).join();
            return new AnalyzedCluster(view, version == null ? null : ClusterFacts.ofVersion(version));
        } catch (Sources.Unsupported e) {
            throw new AnalyzeCommand.Stop(AnalyzeCommand.EXIT_UNSUPPORTED, e.getMessage()
                    + "; use --demo, or --use-kube=false FILES to analyze manifests only");
        }
    }

    /** True when the cluster has it, or when the identity may not list namespaces (then the analysis tells). */
    private static boolean namespaceExists(MeshSource mesh, String name) {
        try {
            return mesh.objects().list(ResourceKind.NAMESPACE, Scope.ALL).stream().anyMatch(o -> o.name().equals(name));
        } catch (SourceException e) {
            return true;
        }
    }
}
