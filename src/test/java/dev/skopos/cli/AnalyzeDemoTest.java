package dev.skopos.cli;

import static dev.skopos.cli.FakeAnalyzers.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Analyzers;
import dev.skopos.cli.FakeAnalyzers.Result;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.demo.DemoSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** skopos analyze over the demo mesh, and the acceptance check: files and the cluster view must agree. */
class AnalyzeDemoTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theRealAnalyzersRunOverTheDemoWithoutCrashing() {
        Result r = run(null, "analyze", "--demo", "-A");

        assertThat(r.code()).isIn(0, 79);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("IST0001");
        assertThat(r.out().lines().filter(l -> !l.isEmpty()))
                .allMatch(l -> l.matches("(Error|Warning|Info) \\[[A-Z]+\\d+\\]( \\(.+\\))? .*"));
    }

    @Test
    void clusterFindingsHaveNoFileReference() {
        Result r = run(FakeAnalyzers.ALL, "analyze", "--demo", "-n", "bookinfo", "--analyzer", "fake.VirtualServiceGateways");

        assertThat(r.out()).isEqualTo("Error [IST0101] (VirtualService bookinfo/bookinfo) "
                + "Referenced gateway not found: \"bookinfos-gateway\"\n");
        assertThat(r.code()).isEqualTo(79);
    }

    @Test
    void aFileReplacesTheClusterObjectOfTheSameKindNamespaceAndName(@TempDir Path dir) throws IOException {
        Path fixed = dir.resolve("bookinfo-vs.yaml");
        Files.writeString(fixed, "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n"
                + "  name: bookinfo\n  namespace: bookinfo\nspec:\n  hosts: ['*']\n  gateways: [bookinfo-gateway]\n"
                + "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n"
                + "  name: reviews\n  namespace: bookinfo\nspec:\n  hosts: [reviews]\n  gateways: [gone]\n");

        Result r = run(FakeAnalyzers.ALL, "analyze", "--demo", "-n", "bookinfo", "--analyzer",
                "fake.VirtualServiceGateways", fixed.toString());

        assertThat(r.out()).isEqualTo("Error [IST0101] (VirtualService bookinfo/reviews " + fixed + ":10) "
                + "Referenced gateway not found: \"gone\"\n");
    }

    @Test
    void aNamespaceTheClusterLacksIsReportedAndNotAnalyzed() {
        Result r = run(FakeAnalyzers.ALL, "analyze", "--demo", "-n", "nowhere");

        assertThat(r.err()).isEqualTo("namespace \"nowhere\" not found\n");
        assertThat(r.out()).isEmpty();
        assertThat(r.code()).isZero();
    }

    /** The acceptance: the demo's objects saved as manifests give the findings the demo gives. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fake analyzers", "registered analyzers"})
    void filesWrittenFromTheDemoGiveTheDemosFindings(String which, @TempDir Path tmp) throws IOException {
        List<Analyzer> analyzers = which.startsWith("fake") ? FakeAnalyzers.ALL : Analyzers.all();
        Path dir = tmp.resolve("manifests");
        Path mesh = tmp.resolve("mesh.yaml");
        saveDemo(dir, mesh);

        for (String scope : List.of("-A", "-n=bookinfo", "-n=weather")) {
            Result live = run(analyzers, "analyze", "--demo", scope, "-o", "json");
            Result files = run(analyzers, "analyze", "--use-kube=false", "--meshConfigFile", mesh.toString(), scope,
                    "-o", "json", dir.toString());

            assertThat(live.code()).isZero();
            assertThat(files.code()).isZero();
            assertThat(withoutFileDetails(files.out())).as(scope).isEqualTo(withoutFileDetails(live.out()));
        }
        if (which.startsWith("fake")) {
            Result live = run(analyzers, "analyze", "--demo", "-A");
            assertThat(live.out()).contains("bookinfos-gateway").contains("Namespace legacy");
        }
    }

    /** Every object the demo serves, one file per kind, and the istio ConfigMap's mesh config beside them. */
    private static void saveDemo(Path dir, Path mesh) throws IOException {
        Files.createDirectories(dir);
        try (DemoSource demo = DemoSource.create()) {
            for (ResourceKind kind : demo.objects().servedKinds()) {
                StringBuilder docs = new StringBuilder();
                for (KubeObject o : demo.objects().list(kind, Scope.ALL)) {
                    docs.append("---\n").append(YAML.writeValueAsString(o.raw()).replaceFirst("^---\n", ""));
                    if (kind.sameKind(ResourceKind.CONFIG_MAP) && o.name().equals("istio")) {
                        Files.writeString(mesh, o.raw().path("data").path("mesh").asText());
                    }
                }
                if (docs.length() > 0) {
                    Files.writeString(dir.resolve(kind.plural() + ".yaml"), docs.toString());
                }
            }
        }
    }

    /**
     * The findings without what only files have: the file reference, and findings on the stand-in
     * ingress pod istioctl adds to files-only runs (the demo has a real gateway pod instead).
     */
    private static List<JsonNode> withoutFileDetails(String json) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode m : JSON.readTree(json)) {
            if (m.path("reference").asText().startsWith("internal-ingress")) {
                continue;
            }
            out.add(((ObjectNode) m.deepCopy()).without("reference"));
        }
        return out;
    }
}
