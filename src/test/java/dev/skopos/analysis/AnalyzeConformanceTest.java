package dev.skopos.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of ../shared/conformance/analyze/expected.json (or {@code -Danalyze.cases=DIR}): one
 * analyzer over its files plus the default resources istioctl adds, with no analysis namespace (as
 * upstream's analyzer tests and {@code -A}); the multiset of (code, resource) must equal istioctl's,
 * resource names compared exactly as written there. Cases whose analyzer is not written yet are
 * reported as skipped, naming it.
 */
class AnalyzeConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyCase() throws Exception {
        assumeTrue(AnalyzeCases.present(), "conformance data absent");
        return AnalyzeCases.all().stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> runCase(c)));
    }

    static ResourceSnapshot snapshot(AnalyzeCases.Case c) throws Exception {
        List<Resource> resources = ManifestLoader.load(c.files());
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Path meshFile = c.optionalFile("meshConfigFile");
        Path networksFile = c.optionalFile("meshNetworksFile");
        JsonNode mesh = meshFile == null ? null : yaml.readTree(meshFile.toFile());
        JsonNode networks = networksFile == null ? null : yaml.readTree(networksFile.toFile());
        return new ResourceSnapshot(resources, mesh, networks);
    }

    /** Multi-cluster cases: each cluster's files (plus the defaults) as one cluster of a combined snapshot. */
    static ResourceSnapshot multiClusterSnapshot(AnalyzeCases.Case c) {
        Map<String, List<Resource>> clusters = new LinkedHashMap<>();
        for (String id : List.of("cluster1", "cluster2")) {
            List<Path> files = new ArrayList<>();
            c.json().path(id + "InputFiles").forEach(f -> files.add(AnalyzeCases.root().resolve(f.asText())));
            files.add(AnalyzeCases.defaults());
            clusters.put(id, ManifestLoader.load(files));
        }
        return ResourceSnapshot.multiCluster(clusters, null, null);
    }

    private static void runCase(AnalyzeCases.Case c) throws Exception {
        Analyzer analyzer = Analyzers.byName(c.analyzer()).orElse(null);
        if (analyzer == null) {
            abort("analyzer " + c.analyzer() + " is not implemented yet");
        }
        List<Diagnostic> found = AnalysisRun.run(c.multiCluster() ? multiClusterSnapshot(c) : snapshot(c),
                List.of(analyzer), Suppressions.NONE);
        List<String> actual = found.stream()
                .map(d -> d.code() + " " + (d.resource() == null ? "" : d.resource().display())).toList();
        assertThat(actual).as("findings of %s (messages: %s)", c.analyzer(),
                found.stream().map(Diagnostic::message).toList()).containsExactlyInAnyOrderElementsOf(c.expected());
    }
}
