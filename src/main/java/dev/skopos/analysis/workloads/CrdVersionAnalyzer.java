package dev.skopos.analysis.workloads;

import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * istioctl's k8sgateway.CRDVersionAnalyzer: IST0176 when a Gateway API CRD's bundle version is below what
 * this Istio needs; istiod silently ignores such CRDs, so their routes never take effect.
 */
final class CrdVersionAnalyzer implements Analyzer {

    /** Version triples, compared in order. */
    record Version(int major, int minor, int patch, String prerelease) implements Comparable<Version> {
        @Override
        public int compareTo(Version o) {
            int c = Integer.compare(major, o.major);
            c = c != 0 ? c : Integer.compare(minor, o.minor);
            return c != 0 ? c : Integer.compare(patch, o.patch);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + prerelease);
        }
    }

    /** Minimum bundle versions per CRD (istio's gatewayapi.MinimumCRDVersions). */
    private static final Map<String, Version> MINIMUM = Map.of(
            "grpcroutes.gateway.networking.k8s.io", new Version(1, 1, 0, ""),
            "backendtlspolicies.gateway.networking.k8s.io", new Version(1, 4, 0, ""),
            "tlsroutes.gateway.networking.k8s.io", new Version(1, 5, 0, ""));

    private static final String BUNDLE_VERSION = "gateway.networking.k8s.io/bundle-version";

    // Loose semver as Masterminds parses it: optional v, minor and patch optional.
    private static final Pattern SEMVER = Pattern.compile(
            "v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

    @Override
    public String name() {
        return "k8sgateway.CRDVersionAnalyzer";
    }

    @Override
    public String description() {
        return "Checks Gateway API CRDs are at the minimum version required by this Istio version";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Resource crd : snapshot.list("apiextensions.k8s.io", "CustomResourceDefinition")) {
            Version minimum = MINIMUM.get(crd.name());
            String bundle = crd.annotations().get(BUNDLE_VERSION);
            if (minimum == null || bundle == null) {
                continue; // istiod logs the missing annotation itself
            }
            Version installed = parse(bundle);
            // Pre-releases count as their release: v1.5.0-rc1 satisfies 1.5.0.
            if (installed != null && installed.compareTo(minimum) < 0) {
                reporter.report("GatewayAPICRDVersionBelowMinimum", crd, crd.name(), installed.toString(), minimum.toString());
            }
        }
    }

    static Version parse(String text) {
        Matcher m = SEMVER.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        return new Version(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), m.group(4) == null ? "" : m.group(4));
    }
}
