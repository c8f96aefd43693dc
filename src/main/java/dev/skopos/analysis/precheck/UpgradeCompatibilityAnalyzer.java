package dev.skopos.analysis.precheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * istioctl precheck's {@code checkFromVersion}: defaults that changed since the release being upgraded from,
 * as IST0169 UpdateIncompatibility (the user is affected) or IST0168 UnknownUpgradeCompatibility (cannot tell).
 * istioctl asks for {@code --from-version}; skopos reads it off the installed istiod (the oldest one when
 * several revisions run), since that is what an upgrade starts from. No istiod in the snapshot: nothing said.
 * The changes are a table, {@code upgrade-changes.yaml}, so a new Istio target is a data change.
 */
final class UpgradeCompatibilityAnalyzer implements Analyzer {

    /** One changed default; see upgrade-changes.yaml for the meaning of each field. */
    record Change(String field, String release, String compatVersion, int fromAtMostMinor, String detect,
                  String namespace, String name, String info) {
    }

    private static final String TABLE = "upgrade-changes.yaml";
    // Release tags as Istio publishes them: 1.21.2, 1.21.2-distroless, 1.22-alpha.<sha>; we need major.minor.
    private static final Pattern RELEASE = Pattern.compile("v?(\\d+)\\.(\\d+)(?:[.\\-+].*)?");

    private final List<Change> changes;

    UpgradeCompatibilityAnalyzer() {
        this(load());
    }

    UpgradeCompatibilityAnalyzer(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    @Override
    public String name() {
        return "precheck.UpgradeCompatibilityAnalyzer";
    }

    @Override
    public String description() {
        return "Checks for defaults that changed since the installed istiod's release (istioctl x precheck --from-version)";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        OptionalInt from = installedMinor(snapshot);
        if (from.isEmpty()) {
            return;
        }
        for (Change c : changes) {
            if (from.getAsInt() > c.fromAtMostMinor()) {
                continue;
            }
            if (c.detect().equals("unknown")) {
                reporter.report("UnknownUpgradeCompatibility", null, c.field(), c.release(), c.info(), c.compatVersion());
            } else if (c.detect().equals("service")) {
                snapshot.find("", "Service", c.namespace(), c.name()).ifPresent(svc ->
                        reporter.report("UpdateIncompatibility", svc, c.field(), c.release(), c.info(), c.compatVersion()));
            }
        }
    }

    /**
     * The minor of the oldest istiod (pods or Deployments labelled {@code app=istiod}, as precheck selects them):
     * from its discovery container's image tag, else its {@code operator.istio.io/version} or
     * {@code app.kubernetes.io/version} label. Empty when there is no istiod or no readable version,
     * e.g. an image pinned by digest only.
     */
    static OptionalInt installedMinor(ResourceSnapshot snapshot) {
        OptionalInt oldest = OptionalInt.empty();
        List<Resource> istiods = new ArrayList<>();
        snapshot.list("", "Pod").stream().filter(UpgradeCompatibilityAnalyzer::isIstiod).forEach(istiods::add);
        snapshot.list("apps", "Deployment").stream().filter(UpgradeCompatibilityAnalyzer::isIstiod).forEach(istiods::add);
        for (Resource r : istiods) {
            OptionalInt minor = minorOf(r);
            if (minor.isPresent() && (oldest.isEmpty() || minor.getAsInt() < oldest.getAsInt())) {
                oldest = minor;
            }
        }
        return oldest;
    }

    private static boolean isIstiod(Resource r) {
        return "istiod".equals(r.labels().get("app"));
    }

    private static OptionalInt minorOf(Resource r) {
        JsonNode podSpec = r.kind().equals("Pod") ? r.spec() : r.spec().path("template").path("spec");
        for (JsonNode c : podSpec.path("containers")) {
            if (c.path("name").asText().equals("discovery")) {
                OptionalInt fromTag = releaseMinor(tag(c.path("image").asText()));
                if (fromTag.isPresent()) {
                    return fromTag;
                }
            }
        }
        for (String label : List.of("operator.istio.io/version", "app.kubernetes.io/version")) {
            OptionalInt fromLabel = releaseMinor(r.labels().getOrDefault(label, ""));
            if (fromLabel.isPresent()) {
                return fromLabel;
            }
        }
        return OptionalInt.empty();
    }

    /** The tag of an image reference, "" when none: {@code host:5000/istio/pilot:1.21.2@sha256:..} gives 1.21.2. */
    static String tag(String image) {
        String noDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = noDigest.lastIndexOf('/');
        int colon = noDigest.lastIndexOf(':');
        return colon > slash ? noDigest.substring(colon + 1) : "";
    }

    /** The minor of a 1.x release string; empty for other majors (istioctl rejects them) or non-versions. */
    static OptionalInt releaseMinor(String release) {
        Matcher m = RELEASE.matcher(release.trim());
        if (!m.matches() || !m.group(1).equals("1")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(m.group(2)));
    }

    private static List<Change> load() {
        try (InputStream in = UpgradeCompatibilityAnalyzer.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TABLE);
            }
            List<Change> out = new ArrayList<>();
            for (JsonNode row : new ObjectMapper(new YAMLFactory()).readTree(in).path("changes")) {
                String fromAtMost = row.path("fromAtMost").asText();
                String detect = row.path("detect").asText();
                if (!detect.equals("service") && !detect.equals("unknown")) {
                    throw new IllegalStateException(TABLE + ": detect " + detect + " is neither service nor unknown");
                }
                out.add(new Change(row.path("field").asText(), row.path("release").asText(),
                        row.path("compatVersion").asText(),
                        releaseMinor(fromAtMost).orElseThrow(() -> new IllegalStateException(
                                TABLE + ": fromAtMost " + fromAtMost + " is not a 1.x release")),
                        detect, row.path("namespace").asText(), row.path("name").asText(),
                        row.path("info").asText()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
