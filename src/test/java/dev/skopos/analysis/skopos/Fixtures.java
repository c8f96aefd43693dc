package dev.skopos.analysis.skopos;

import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Diagnostic;
import dev.skopos.analysis.ManifestLoader;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import dev.skopos.source.ClusterObjects;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.demo.DemoSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Snapshots for the checks' tests: hand-written manifests, and the demo mesh with its incidents. */
final class Fixtures {

    private Fixtures() {
    }

    static ResourceSnapshot manifests(String yaml) {
        return new ResourceSnapshot(ManifestLoader.parse(yaml, "test.yaml"));
    }

    /** Every object of the demo cluster, as the live source would hand them to analysis. */
    static ResourceSnapshot demo() {
        ClusterObjects objects = new DemoSource(Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC)).objects();
        List<Resource> resources = new ArrayList<>();
        for (ResourceKind kind : ResourceKind.ALL) {
            for (KubeObject o : objects.list(kind, Scope.ALL)) {
                resources.add(Resource.of(o.raw(), ""));
            }
        }
        return new ResourceSnapshot(resources.stream().filter(Objects::nonNull).toList());
    }

    static List<Diagnostic> run(Analyzer analyzer, ResourceSnapshot snapshot) {
        Reporter reporter = new Reporter();
        analyzer.analyze(snapshot, reporter);
        return reporter.found();
    }

    /** Findings as {@code CODE Kind ns/name: message} lines, easy to assert on and to read in a failure. */
    static List<String> lines(Analyzer analyzer, ResourceSnapshot snapshot) {
        return run(analyzer, snapshot).stream().map(Fixtures::line).toList();
    }

    static String line(Diagnostic d) {
        return d.code() + " " + (d.resource() == null ? "-" : d.resource().kind() + " " + d.resource().fullName())
                + ": " + d.message();
    }
}
