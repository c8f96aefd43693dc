package dev.skopos.cli;

import dev.skopos.source.IstiodInstance;
import dev.skopos.source.MeshSource;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import dev.skopos.source.SynczAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Every istiod replica's sync report for {@code proxy-status}, asked in parallel. With one cluster
 * a replica that does not answer fails the command, as in istioctl. With several (a multi-primary
 * mesh, one istiod per cluster) a cluster that cannot answer must not hide the others: its replicas
 * are left out and what went wrong is named, so the command prints the rest and still exits 1.
 *
 * @param answers    the replicas' answers, in replica order
 * @param unanswered one line per cluster or replica that could not answer, prefixed with its cluster
 */
record IstiodReports(List<SynczAnswer> answers, List<String> unanswered) {

    IstiodReports {
        answers = List.copyOf(answers);
        unanswered = List.copyOf(unanswered);
    }

    /** @throws CompletionException with one cluster, the first replica's failure */
    static IstiodReports collect(MeshSource mesh) {
        boolean severalClusters = mesh.info().contexts().size() > 1;
        if (severalClusters) {
            listPods(mesh);
        }
        List<IstiodInstance> istiods = mesh.istiod().instances();
        List<CompletableFuture<SynczAnswer>> asked = istiods.stream().map(i -> mesh.istiod().syncz(i)).toList();
        List<SynczAnswer> answers = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (int i = 0; i < istiods.size(); i++) {
            try {
                answers.add(asked.get(i).join());
            } catch (CompletionException e) {
                if (!severalClusters) {
                    throw e;
                }
                IstiodInstance istiod = istiods.get(i);
                unanswered.add(istiod.pod().cluster() + ": " + istiod.name() + ": " + SourceException.describe(e));
            }
        }
        String stale = severalClusters ? mesh.unavailable() : "";
        if (!stale.isEmpty()) {
            unanswered.add(stale);
        }
        return new IstiodReports(answers, unanswered);
    }

    /**
     * istiod replicas are found among a cluster's pods, and a cluster whose pods may not be listed
     * simply has none; listing them makes such a cluster say why in the staleness line.
     */
    private static void listPods(MeshSource mesh) {
        try {
            mesh.objects().list(ResourceKind.POD, Scope.ALL);
        } catch (SourceException e) {
            // Every cluster failed; the staleness line names each.
        }
    }
}
