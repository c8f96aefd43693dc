package dev.skopos.analysis.workloads;

import dev.skopos.analysis.Analyzer;
import java.util.List;

/**
 * istioctl's analyzers for pods, deployments, services, annotations, injection, deprecation and Kubernetes Gateway API.
 * LocalhostListener (IST0143) has no analyzer here on purpose: istioctl reports it only from {@code x precheck}, which
 * runs {@code ss -ltnH} inside each legacy (pre-1.10) proxy and reads its Envoy inbound clusters; {@code analyze} never
 * reports it, and neither can be derived from objects.
 */
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
