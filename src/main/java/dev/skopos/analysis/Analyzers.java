package dev.skopos.analysis;

import dev.skopos.analysis.networking.NetworkingAnalyzers;
import dev.skopos.analysis.precheck.PrecheckAnalyzers;
import dev.skopos.analysis.security.SecurityAnalyzers;
import dev.skopos.analysis.skopos.SkoposChecks;
import dev.skopos.analysis.workloads.WorkloadAnalyzers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every analyzer skopos runs, by istioctl's names (for --analyzer and -L): istioctl's, precheck's and our own. */
public final class Analyzers {

    private Analyzers() {
    }

    public static List<Analyzer> all() {
        List<Analyzer> all = new ArrayList<>();
        all.addAll(NetworkingAnalyzers.all());
        all.addAll(WorkloadAnalyzers.all());
        all.addAll(SecurityAnalyzers.all());
        all.addAll(SkoposChecks.all());
        all.addAll(PrecheckAnalyzers.all());
        all.sort(Comparator.comparing(Analyzer::name));
        return List.copyOf(all);
    }

    /**
     * Exactly what {@code istioctl analyze} runs: without skopos's SKP checks and without the
     * checks istioctl only makes in {@code x precheck} (Gateway API CRD versions, upgrade notes).
     */
    public static List<Analyzer> istioctl() {
        List<Analyzer> all = new ArrayList<>();
        all.addAll(NetworkingAnalyzers.all());
        all.addAll(WorkloadAnalyzers.all());
        all.addAll(SecurityAnalyzers.all());
        all.sort(Comparator.comparing(Analyzer::name));
        return List.copyOf(all);
    }

    public static Optional<Analyzer> byName(String name) {
        return all().stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
