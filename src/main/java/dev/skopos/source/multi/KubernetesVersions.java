package dev.skopos.source.multi;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders the versions API servers report ({@code v1.31.2-gke.100}) by major, minor and patch. */
final class KubernetesVersions {

    private static final Pattern NUMBERS = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** Unparseable versions sort last, so a readable one is preferred. */
    static final Comparator<String> OLDEST_FIRST = Comparator.comparing(KubernetesVersions::key);

    private KubernetesVersions() {
    }

    private static long key(String version) {
        Matcher m = NUMBERS.matcher(version.strip());
        if (!m.lookingAt()) {
            return Long.MAX_VALUE;
        }
        long patch = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return Long.parseLong(m.group(1)) * 1_000_000_000L + Long.parseLong(m.group(2)) * 1_000_000L + patch;
    }
}
