package dev.skopos.analysis.precheck;

import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.ClusterFacts;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * istioctl precheck's {@code checkServerVersion}: Error IST0142 about the cluster when the API server's
 * Kubernetes minor is below {@link PrecheckVersions#MIN_KUBERNETES_MINOR}. Only a live source knows the version
 * (it arrives as {@link ClusterFacts}); without it, or when it does not parse (istioctl then fails the whole
 * precheck rather than report), nothing is said.
 */
final class KubernetesVersionAnalyzer implements Analyzer {

    // hashicorp/go-version's shape: optional v, dot-separated numbers, then pre-release/metadata we ignore.
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.\\d+)*(?:[-+].*)?");

    @Override
    public String name() {
        return "precheck.KubernetesVersionAnalyzer";
    }

    @Override
    public String description() {
        return "Checks the cluster's Kubernetes version is one this Istio supports (istioctl x precheck)";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        String version = snapshot.clusterFacts().map(ClusterFacts::kubernetesVersion).orElse(null);
        if (version == null) {
            return;
        }
        OptionalInt minor = minor(version);
        // istioctl compares the minor alone (segment 1), whatever the major.
        if (minor.isPresent() && minor.getAsInt() < PrecheckVersions.MIN_KUBERNETES_MINOR) {
            reporter.report("UnsupportedKubernetesVersion", null, version,
                    "1." + PrecheckVersions.MIN_KUBERNETES_MINOR);
        }
    }

    /** The minor of a gitVersion; a missing minor is 0, as go-version pads segments. Empty when unparseable. */
    static OptionalInt minor(String gitVersion) {
        Matcher m = VERSION.matcher(gitVersion.trim());
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }
}
