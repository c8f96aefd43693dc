package dev.skopos.analysis.precheck;

import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.ClusterFacts;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.ResourceSnapshot;

/**
 * istioctl precheck's {@code checkInstallPermissions}: Error IST0141 about the cluster for each of
 * {@link ClusterFacts#INSTALL_PERMISSIONS} the user may not create. The access reviews need the live API
 * server, so the denials arrive as {@link ClusterFacts}; without facts nothing is said.
 */
final class InstallPermissionsAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "precheck.InstallPermissionsAnalyzer";
    }

    @Override
    public String description() {
        return "Checks the user may create what an Istio install creates (istioctl x precheck)";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        snapshot.clusterFacts().ifPresent(facts -> facts.missingPermissions().forEach(missing ->
                reporter.report("InsufficientPermissions", null, missing.resource(), missing.reason())));
    }
}
