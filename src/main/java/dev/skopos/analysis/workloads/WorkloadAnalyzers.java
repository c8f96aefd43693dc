package dev.skopos.analysis.workloads;

import dev.skopos.analysis.Analyzer;
import java.util.List;

/** istioctl's analyzers for pods, deployments, services, annotations, injection, deprecation and Kubernetes Gateway API. */
public final class WorkloadAnalyzers {

    private WorkloadAnalyzers() {
    }

    public static List<Analyzer> all() {
        return List.of();
    }
}
