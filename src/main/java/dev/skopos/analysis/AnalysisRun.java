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
            String key = d.code() + "|" + (d.resource() == null ? "" : d.resource().display()) + "|" + d.message();
            if (!suppressions.suppresses(d) && seen.add(key)) {
                kept.add(d);
            }
        }
        kept.sort(ORDER);
        return kept;
    }

    /** istioctl's order (diag.Messages.Sort): level (Error first), code, resource, message. */
    public static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> -d.level().ordinal())
            .thenComparing(Diagnostic::code)
            .thenComparing(d -> d.resource() == null ? "" : d.resource().display())
            .thenComparing(Diagnostic::message);
}
