package dev.skopos.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The analyzer cases of ../shared/conformance/analyze/expected.json, or of another folder of the
 * same layout named by {@code -Danalyze.cases=DIR} (its expected.json, with input paths relative to
 * it; default-resources.yaml is taken from DIR when present, else from the conformance folder).
 */
public final class AnalyzeCases {

    public static final Path CONFORMANCE = Path.of("../shared/conformance/analyze");

    /** One case: its label, the analyzer name, the files (defaults last) and the expected "CODE resource" lines. */
    public record Case(String label, JsonNode json, String analyzer, List<Path> files, List<String> expected) {

        public boolean multiCluster() {
            return json.path("multiCluster").asBoolean(false);
        }

        public Path optionalFile(String field) {
            return json.has(field) ? root().resolve(json.get(field).asText()) : null;
        }
    }

    private AnalyzeCases() {
    }

    public static Path root() {
        String override = System.getProperty("analyze.cases", "");
        return override.isEmpty() ? CONFORMANCE : Path.of(override);
    }

    public static boolean present() {
        return Files.isRegularFile(root().resolve("expected.json"));
    }

    public static Path defaults() {
        Path own = root().resolve("default-resources.yaml");
        return Files.isRegularFile(own) ? own : CONFORMANCE.resolve("default-resources.yaml");
    }

    public static List<Case> all() throws IOException {
        JsonNode cases = new ObjectMapper().readTree(root().resolve("expected.json").toFile());
        List<Case> out = new ArrayList<>();
        int i = 0;
        for (JsonNode c : cases) {
            String analyzer = c.path("analyzer").asText();
            List<Path> files = new ArrayList<>();
            c.path("inputFiles").forEach(f -> files.add(root().resolve(f.asText())));
            files.add(defaults());
            List<String> expected = new ArrayList<>();
            c.path("expected").forEach(e -> expected.add(e.path("code").asText() + " " + e.path("resource").asText()));
            out.add(new Case((i++) + " " + analyzer + ": " + c.path("name").asText(), c, analyzer, files, expected));
        }
        return out;
    }
}
