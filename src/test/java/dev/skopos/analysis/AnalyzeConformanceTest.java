package dev.skopos.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of ../shared/conformance/analyze/expected.json: one analyzer over its files plus the
 * default resources istioctl adds; the multiset of (code, resource) must equal istioctl's.
 * Cases whose analyzer is not written yet are reported as skipped, naming it.
 */
class AnalyzeConformanceTest {

    static final Path ROOT = Path.of("../shared/conformance/analyze");

    @TestFactory
    Stream<DynamicTest> everyCase() throws Exception {
        assumeTrue(Files.isDirectory(ROOT), "conformance data absent");
        JsonNode cases = new ObjectMapper().readTree(ROOT.resolve("expected.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : cases) {
            String label = (i++) + " " + c.path("analyzer").asText() + ": " + c.path("name").asText();
            tests.add(DynamicTest.dynamicTest(label, () -> runCase(c)));
        }
        return tests.stream();
    }

    static ResourceSnapshot snapshot(JsonNode c) throws Exception {
        List<Path> files = new ArrayList<>();
        c.path("inputFiles").forEach(f -> files.add(ROOT.resolve(f.asText())));
        files.add(ROOT.resolve("default-resources.yaml"));
        List<Resource> resources = ManifestLoader.load(files);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode mesh = c.has("meshConfigFile") ? yaml.readTree(ROOT.resolve(c.get("meshConfigFile").asText()).toFile()) : null;
        JsonNode networks = c.has("meshNetworksFile")
                ? yaml.readTree(ROOT.resolve(c.get("meshNetworksFile").asText()).toFile()) : null;
        return new ResourceSnapshot(resources, mesh, networks);
    }

    /** Multi-cluster cases: each cluster's files (plus the defaults) as one cluster of a combined snapshot. */
    static ResourceSnapshot multiClusterSnapshot(JsonNode c) {
        java.util.Map<String, List<Resource>> clusters = new java.util.LinkedHashMap<>();
        for (String id : List.of("cluster1", "cluster2")) {
            List<Path> files = new ArrayList<>();
            c.path(id + "InputFiles").forEach(f -> files.add(ROOT.resolve(f.asText())));
            files.add(ROOT.resolve("default-resources.yaml"));
            clusters.put(id, ManifestLoader.load(files));
        }
        return ResourceSnapshot.multiCluster(clusters, null, null);
    }

    private static void runCase(JsonNode c) throws Exception {
        String name = c.path("analyzer").asText();
        Analyzer analyzer = Analyzers.byName(name).orElse(null);
        if (analyzer == null) {
            abort("analyzer " + name + " is not implemented yet");
        }
        List<Diagnostic> found = AnalysisRun.run(
                c.path("multiCluster").asBoolean(false) ? multiClusterSnapshot(c) : snapshot(c), List.of(analyzer), Suppressions.NONE);
        List<String> actual = found.stream()
                .map(d -> d.code() + " " + (d.resource() == null ? "" : d.resource().display())).toList();
        List<String> expected = new ArrayList<>();
        c.path("expected").forEach(e -> expected.add(e.path("code").asText() + " " + e.path("resource").asText()));
        assertThat(actual).as("findings of %s (messages: %s)", name,
                found.stream().map(Diagnostic::message).toList()).containsExactlyInAnyOrderElementsOf(expected);
    }
}
