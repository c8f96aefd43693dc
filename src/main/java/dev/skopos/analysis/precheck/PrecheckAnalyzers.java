package dev.skopos.analysis.precheck;

import dev.skopos.analysis.Analyzer;
import java.util.List;

/**
 * The checks istioctl makes in {@code istioctl x precheck} rather than in its analyzer list, whose codes are
 * in the same catalogue: Gateway API CRD versions, the Kubernetes version, install permissions and the
 * defaults that changed since the installed istiod. istioctl has no analyzer names for these, so they are
 * named {@code precheck.*} after the precheck function each mirrors. The version constants of Istio 1.27
 * that they compare against are in {@link PrecheckVersions}.
 */
public final class PrecheckAnalyzers {

    private PrecheckAnalyzers() {
    }

    public static List<Analyzer> all() {
        return List.of(new GatewayApiVersionAnalyzer(),
                new KubernetesVersionAnalyzer(),
                new InstallPermissionsAnalyzer(),
                new UpgradeCompatibilityAnalyzer());
    }
}
