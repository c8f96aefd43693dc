package dev.skopos.analysis.workloads;

import dev.skopos.analysis.Analyzer;
import java.util.List;

/** istioctl's analyzers for pods, deployments, services, annotations, injection, deprecation and Kubernetes Gateway API. */
public final class WorkloadAnalyzers {

    private WorkloadAnalyzers() {
    }

    public static List<Analyzer> all() {
        return List.of(new K8sAnnotationAnalyzer(), new AlphaAnnotationAnalyzer(), new ApplicationUidAnalyzer(),
                new MultiServiceAnalyzer(), new DeprecationAnalyzer(), new InjectionAnalyzer(),
                new InjectionImageAnalyzer(), new ImageAutoAnalyzer(), new PortNameAnalyzer(), new ConditionAnalyzer(),
                new CrdVersionAnalyzer(), new WebhookAnalyzer(), new MeshNetworksAnalyzer(),
                new MultiClusterServiceAnalyzer(), new K8sGatewaySelectorAnalyzer());
    }
}
