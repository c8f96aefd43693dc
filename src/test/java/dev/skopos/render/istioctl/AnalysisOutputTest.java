package dev.skopos.render.istioctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.GoFormat;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.ResourceSnapshot;
import dev.skopos.render.istioctl.AnalysisOutput.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every expectation of ../shared/conformance/analyze/output-format.json, through the real renderer. */
class AnalysisOutputTest {

    private static final Path FORMATS = Path.of("../shared/conformance/analyze/output-format.json");
    private static JsonNode formats;

    @BeforeAll
    static void load() throws Exception {
        formats = Files.exists(FORMATS) ? new ObjectMapper().readTree(FORMATS.toFile()) : null;
    }

    private static String text(JsonNode m) {
        List<Object> args = new ArrayList<>();
        m.path("args").forEach(a -> args.add(a.asText()));
        return GoFormat.format(m.path("template").asText(), args);
    }

    private static String nullable(JsonNode m, String field) {
        return m.hasNonNull(field) ? m.get(field).asText() : null;
    }

    private static Message message(JsonNode m, String cluster) {
        return new Message(m.path("level").asText(), m.path("code").asText(), text(m), nullable(m, "origin"),
                nullable(m, "reference"), cluster);
    }

    private static String withBase(String expected) {
        return expected.replace("{ConfigAnalysis}", AnalysisOutput.CONFIG_ANALYSIS);
    }

    @Test
    void messageStringWithoutOriginWithOriginAndWithACluster() {
        assumeTrue(formats != null, "conformance data absent");
        for (JsonNode c : formats.path("messageString")) {
            Message m = message(c, nullable(c, "cluster"));
            // message.go prints the cluster only when told to; the formatter tells it when clusters differ.
            List<Message> list = c.path("printCluster").asBoolean()
                    ? List.of(m, new Message("Info", "X", "x", "o", null, "other")) : List.of(m);
            assertThat(AnalysisOutput.log(list, false).lines().findFirst().orElse(""))
                    .isEqualTo(c.path("expected").asText());
        }
    }

    @Test
    void messageJsonFieldsAndDocRef() throws Exception {
        assumeTrue(formats != null, "conformance data absent");
        JsonNode c = formats.path("messageJson").get(0);
        String rendered = AnalysisOutput.json(List.of(message(c, null)), null);
        JsonNode expected = new ObjectMapper().readTree(withBase(c.path("expected").asText()));
        assertThat(new ObjectMapper().readTree(rendered).get(0)).isEqualTo(expected);
        assertThat(AnalysisOutput.documentationUrl("IST0042", "test-ref"))
                .isEqualTo(AnalysisOutput.CONFIG_ANALYSIS + "/ist0042/?ref=test-ref");
    }

    @Test
    void istioctlLogJsonYamlAndColours() {
        assumeTrue(formats != null, "conformance data absent");
        JsonNode out = formats.path("istioctlOutput");
        List<Message> plain = new ArrayList<>();
        List<Message> clustered = new ArrayList<>();
        String[] clusters = {"default", "another"};
        int i = 0;
        for (JsonNode m : out.path("log").path("messages")) {
            plain.add(message(m, null));
            clustered.add(message(m, clusters[i++]));
        }
        assertThat(AnalysisOutput.log(plain, false)).isEqualTo(out.path("log").path("expected").asText());
        assertThat(AnalysisOutput.log(plain, true)).isEqualTo(out.path("log").path("expectedColor").asText());
        assertThat(AnalysisOutput.log(clustered, true))
                .isEqualTo(out.path("log").path("expectedMultiClusterColor").asText());
        assertThat(AnalysisOutput.json(plain, null)).isEqualTo(withBase(out.path("json").asText()));
        assertThat(AnalysisOutput.yaml(plain, null)).isEqualTo(withBase(out.path("yaml").asText()));
        assertThat(AnalysisOutput.log(List.of(), true)).isEqualTo(out.path("empty").path("log").asText());
        assertThat(AnalysisOutput.json(List.of(), null)).isEqualTo(out.path("empty").path("json").asText());
        assertThat(AnalysisOutput.yaml(List.of(), null)).isEqualTo(out.path("empty").path("yaml").asText());
    }

    @Test
    void aMeshWideMessageHasNoOriginAnywhere() {
        Message m = new Message("Warning", "IST0002", "Deprecated: \"x\" <b>", null, null, null);
        assertThat(AnalysisOutput.log(List.of(m), false)).isEqualTo("Warning [IST0002] Deprecated: \"x\" <b>");
        assertThat(AnalysisOutput.json(List.of(m), AnalysisOutput.ISTIOCTL_DOC_REF)).isEqualTo("[\n\t{\n"
                + "\t\t\"code\": \"IST0002\",\n"
                + "\t\t\"documentationUrl\": \"https://istio.io/v1.27/docs/reference/config/analysis/ist0002/?ref=istioctl-analyze\",\n"
                + "\t\t\"level\": \"Warning\",\n"
                + "\t\t\"message\": \"Deprecated: \\\"x\\\" \\u003cb\\u003e\"\n"
                + "\t}\n]");
    }

    @Test
    void infoIsUncolouredButStillReset() {
        Message m = new Message("Info", "IST0102", "t", "Namespace default", null, null);
        assertThat(AnalysisOutput.log(List.of(m), true)).isEqualTo("Info\033[0m [IST0102] (Namespace default) t");
    }

    @Test
    void aFileReferenceFollowsTheResource() {
        Message m = new Message("Error", "IST0101", "Referenced host not found: \"r\"", "VirtualService vs.default",
                "dir/vs.yaml:3", null);
        assertThat(AnalysisOutput.log(List.of(m), false))
                .isEqualTo("Error [IST0101] (VirtualService vs.default dir/vs.yaml:3) Referenced host not found: \"r\"");
        assertThat(AnalysisOutput.yaml(List.of(m), null)).contains("  origin: VirtualService vs.default\n")
                .contains("  reference: dir/vs.yaml:3\n");
    }

    @Test
    void listsAnalyzersSortedWithIndentedDescriptions() {
        Analyzer b = analyzer("b.Second", "Checks the second thing");
        Analyzer a = analyzer("a.First", "");
        assertThat(AnalysisOutput.analyzers(List.of(b, a)))
                .isEqualTo("* a.First:\n* b.Second:\n    Checks the second thing\n");
    }

    private static Analyzer analyzer(String name, String description) {
        return new Analyzer() {
            public String name() {
                return name;
            }

            public String description() {
                return description;
            }

            public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
            }
        };
    }
}
