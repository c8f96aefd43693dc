package dev.skopos.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs analyzers over a snapshot and returns findings the way istioctl orders them: errors first,
 * then by code, then by resource, then by text; duplicates dropped; suppressed ones left out.
 * An analyzer that throws is reported as IST0001 InternalError instead of ending the run.
 */
public final class AnalysisRun {

    private AnalysisRun() {
    }

    public static List<Diagnostic> run(ResourceSnapshot snapshot, List<Analyzer> analyzers, Suppressions suppressions) {
        List<Diagnostic> found = new ArrayList<>();
        for (Analyzer analyzer : analyzers) {
            Reporter reporter = new Reporter();
            try {
                analyzer.analyze(snapshot, reporter);
                found.addAll(reporter.found());
            } catch (RuntimeException e) {
                found.add(new Diagnostic(Catalog.type("InternalError"), null,
                        List.of(analyzer.name() + ": " + e)));
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Diagnostic> kept = new ArrayList<>();
        for (Diagnostic d : found) {
            if (!suppressions.suppresses(d) && seen.add(dedupKey(d))) {
                kept.add(d);
            }
        }
        kept.sort(order(snapshot));
        return kept;
    }

    /** SortedDedupedCopy: two messages are one when their strings (origin, reference, text) are equal. */
    static String dedupKey(Diagnostic d) {
        Resource r = d.resource();
        return d.code() + "|" + (r == null ? "" : r.display() + " " + r.origin()) + "|" + d.message();
    }

    /**
     * istioctl's order (diag.Messages.Sort): the resource's cluster, level (Error first), code,
     * messages without a resource first, the kube Origin's Comparator ({@code Kind/name/namespace}), text.
     */
    public static Comparator<Diagnostic> order(ResourceSnapshot snapshot) {
        return Comparator.comparing((Diagnostic d) -> d.resource() == null ? "" : snapshot.cluster(d.resource()))
                .thenComparing(ORDER);
    }

    /** The order within one cluster (what the TUI and one-cluster runs use). */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> -d.level().ordinal())
            .thenComparing(Diagnostic::code)
            .thenComparing(d -> d.resource() == null ? null : d.resource().comparator(),
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            // then the message's string: its reference (file:line), then its text
            .thenComparing(d -> d.resource() == null ? "" : d.resource().origin())
            .thenComparing(Diagnostic::message);
}
