package dev.skopos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proxy-status table of {@code ../shared/conformance/README.md} and the two comparator rows of
 * its proxy-config table, run through the real CLI entry. Skipped when the folder is absent.
 */
class ProxyStatusConformanceTest {

    private static final Path STATUS = Path.of("../shared/conformance/proxy-status");
    private static final Path INPUTS = STATUS.resolve("xds-inputs");
    private static final Path EXPECTED = STATUS.resolve("xds-current/expected");
    private static final Path COMPARE = Path.of("../shared/conformance/proxy-config/current/writer/compare/testdata");

    private record Result(int code, String out, String err) {}

    /**
     * {@code exact}: byte for byte. The YAML files disagree on the blank line Fprintln leaves after
     * go-yaml's own newline (one has it, one not), so YAML is compared without trailing whitespace.
     */
    record Case(String name, String expected, boolean exact, String... args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("multi-pilot table", "multiXdsStatusMultiPilot.txt", true, "-f", dir("multi-pilot")),
                new Case("single-pilot table", "multiXdsStatusSinglePilot.txt", true, "-f", dir("single-pilot")),
                new Case("single-proxy --verbosity 1", "multiXdsStatusMultiPilot_verbose.txt", true,
                        "-f", dir("single-proxy"), "--verbosity", "1"),
                new Case("single-proxy -o json", "multiXdsStatusSinglePilot.json", true,
                        "-f", dir("single-proxy"), "-o", "json"),
                new Case("single-proxy -o yaml", "multiXdsStatusSinglePilot.yaml", false,
                        "-f", dir("single-proxy"), "-o", "yaml"),
                new Case("namespace-foo -o yaml -n foo", "multiXdsStatusSingleNamespace.yaml", false,
                        "-f", dir("namespace-foo"), "-o", "yaml", "-n", "foo"));
    }

    private static String dir(String name) {
        return INPUTS.resolve(name).toString();
    }

    private static Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("proxy-status"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new SkoposCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Result(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsWhatIstioctlPrints(Case c) throws IOException {
        assumeTrue(Files.isDirectory(STATUS), "conformance data absent");

        Result r = run(c.args());

        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        String expected = Files.readString(EXPECTED.resolve(c.expected()));
        if (c.exact()) {
            assertThat(r.out()).isEqualTo(expected);
        } else {
            assertThat(r.out().stripTrailing()).isEqualTo(expected.stripTrailing());
        }
    }

    @Test
    void noProxiesPrintsTheHeaderOnly(@TempDir Path tmp) throws IOException {
        assumeTrue(Files.isDirectory(STATUS), "conformance data absent");
        // The single-pilot answer with its resources gone: an istiod nobody is connected to.
        String answer = Files.readString(INPUTS.resolve("single-pilot/istiod1.json"))
                .replaceAll("(?s)\"resources\": \\[.*\\],\\s*\"typeUrl\"", "\"typeUrl\"");
        Files.writeString(tmp.resolve("istiod1.json"), answer);

        Result r = run("-f", tmp.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("NAME     CLUSTER     ISTIOD     VERSION     SUBSCRIBED TYPES\n");
    }

    @Test
    void theSameDumpOnBothSidesMatches() {
        assumeTrue(Files.isDirectory(COMPARE), "conformance data absent");
        String dump = COMPARE.resolve("configdump.json").toString();

        Result r = run("--istiod-file", dump, "--envoy-file", dump);

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Clusters Match", "Listeners Match", "Routes Match")
                .doesNotContain("Don't Match");
    }

    @Test
    void theDiffDumpMatchesNothing() {
        assumeTrue(Files.isDirectory(COMPARE), "conformance data absent");

        Result r = run("--istiod-file", COMPARE.resolve("configdump.json").toString(),
                "--envoy-file", COMPARE.resolve("configdump_diff.json").toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Clusters Don't Match", "Listeners Don't Match", "Routes Don't Match")
                .contains("--- Istiod Clusters\n+++ Envoy Clusters\n@@ ");
    }
}
