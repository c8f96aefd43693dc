package dev.skopos.istiod;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Control plane and data plane versions, summarised as the header shows them and checked against
 * Istio's supported skew.
 *
 * <p>The rule, from istio.io "Supported Releases", section "Control Plane/Data Plane Skew"
 * (https://istio.io/latest/docs/releases/supported-releases/#control-planedata-plane-skew): "The
 * Istio control plane can be one version ahead of the data plane. However, the data plane cannot
 * be ahead of control plane." Versions there are minor releases, so patches are ignored: a 1.27.3
 * control plane supports 1.27.x and 1.26.x proxies, not 1.25.x and not 1.28.x.
 *
 * <p>With several control plane versions (a canary upgrade with revisions) a proxy may be on any
 * of them, and which one is not known here, so a data plane version is supported when at least one
 * control plane version supports it. Versions that do not start with {@code MAJOR.MINOR} ("unknown",
 * a commit hash) are shown but not checked; {@code 1.28-dev} and {@code 1.27.3-distroless} are read
 * as 1.28 and 1.27.3.
 *
 * @param controlPlane distinct control plane versions, newest first (unreadable ones last)
 * @param dataPlane    distinct data plane versions, newest first (unreadable ones last)
 * @param warning      why the skew is unsupported, "" when it is supported or cannot be judged
 */
public record VersionSkew(List<String> controlPlane, List<String> dataPlane, String warning) {

    private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:[-+._].*)?$");

    public VersionSkew {
        controlPlane = List.copyOf(controlPlane);
        dataPlane = List.copyOf(dataPlane);
    }

    /** A readable {@code MAJOR.MINOR[.PATCH]}. */
    record Version(int major, int minor, int patch) implements Comparable<Version> {

        static Optional<Version> parse(String text) {
            Matcher m = VERSION.matcher(text.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public int compareTo(Version o) {
            return Comparator.comparingInt(Version::major).thenComparingInt(Version::minor)
                    .thenComparingInt(Version::patch).compare(this, o);
        }

        /** Whether a control plane of this version supports a data plane of {@code dp}. */
        boolean supports(Version dp) {
            return major == dp.major && (minor == dp.minor || minor == dp.minor + 1);
        }
    }

    /**
     * @param controlPlane istiod replicas' versions ({@code istio_build} tag or image tag), repeats allowed
     * @param dataPlane    proxies' versions ({@code ISTIO_VERSION}), repeats allowed; blanks are ignored
     */
    public static VersionSkew of(Collection<String> controlPlane, Collection<String> dataPlane) {
        List<String> cp = distinctNewestFirst(controlPlane);
        List<String> dp = distinctNewestFirst(dataPlane);
        List<Version> cpVersions = cp.stream().map(Version::parse).flatMap(Optional::stream).toList();
        List<String> problems = new ArrayList<>();
        if (!cpVersions.isEmpty()) {
            Version newestCp = cpVersions.get(0);
            for (String d : dp) {
                Optional<Version> v = Version.parse(d);
                if (v.isEmpty() || cpVersions.stream().anyMatch(c -> c.supports(v.get()))) {
                    continue;
                }
                if (v.get().compareTo(newestCp) > 0) {
                    problems.add("data plane " + d + " is newer than control plane " + cp.get(0));
                } else {
                    problems.add("data plane " + d + " is more than one minor behind control plane "
                            + String.join(", ", cp));
                }
            }
        }
        String warning = problems.isEmpty() ? "" : "unsupported skew: " + String.join("; ", problems);
        return new VersionSkew(cp, dp, warning);
    }

    private static List<String> distinctNewestFirst(Collection<String> versions) {
        Set<String> distinct = new LinkedHashSet<>();
        versions.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(distinct::add);
        List<String> out = new ArrayList<>(distinct);
        out.sort((a, b) -> {
            Optional<Version> va = Version.parse(a);
            Optional<Version> vb = Version.parse(b);
            if (va.isPresent() && vb.isPresent()) {
                int c = vb.get().compareTo(va.get());
                return c != 0 ? c : a.compareTo(b);
            }
            if (va.isPresent() != vb.isPresent()) {
                return va.isPresent() ? -1 : 1;
            }
            return a.compareTo(b);
        });
        return out;
    }

    /** The header text, as {@code istioctl version} summarises: {@code cp 1.27.3 dp 1.27.3, 1.26.2}. */
    public String header() {
        return "cp " + (controlPlane.isEmpty() ? "-" : String.join(", ", controlPlane))
                + " dp " + (dataPlane.isEmpty() ? "-" : String.join(", ", dataPlane));
    }

    public boolean supported() {
        return warning.isEmpty();
    }
}
