package dev.skopos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skopos.analysis.AnalyzeCases;
import dev.skopos.analysis.Analyzers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The analyzer conformance cases again, through the command a user types:
 * {@code skopos analyze --use-kube=false -A --analyzer NAME -o json FILES}. The origins printed must
 * be istioctl's resource names exactly, so file loading, namespaces, default resources, ordering and
 * the JSON writer are all on the path.
 */
class AnalyzeCliConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyCaseThroughTheCommand() throws Exception {
        assumeTrue(AnalyzeCases.present(), "conformance data absent");
        return AnalyzeCases.all().stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> runCase(c)));
    }

    private static void runCase(AnalyzeCases.Case c) throws Exception {
        if (c.multiCluster()) {
            abort("multi-cluster case: the command reads one cluster, as istioctl's does");
        }
        if (Analyzers.byName(c.analyzer()).isEmpty()) {
            abort("analyzer " + c.analyzer() + " is not implemented yet");
        }
        List<String> args = new ArrayList<>(List.of("analyze", "--use-kube=false", "-A", "--analyzer", c.analyzer(),
                "-o", "json"));
        Path mesh = c.optionalFile("meshConfigFile");
        if (mesh != null) {
            args.addAll(List.of("--meshConfigFile", mesh.toString()));
        }
        Path networks = c.optionalFile("meshNetworksFile");
        if (networks != null) {
            args.addAll(List.of("--meshNetworksFile", networks.toString()));
        }
        c.files().forEach(f -> args.add(f.toString()));

        CliRun r = CliRun.of(args.toArray(String[]::new));

        assertThat(r.code()).as("exit code (stderr: %s)", r.err()).isZero();
        List<String> actual = new ArrayList<>();
        for (JsonNode m : new ObjectMapper().readTree(r.out())) {
            actual.add(m.path("code").asText() + " " + m.path("origin").asText());
        }
        assertThat(actual).as("origins printed by analyze (stderr: %s)", r.err())
                .containsExactlyInAnyOrderElementsOf(c.expected());
    }
}
