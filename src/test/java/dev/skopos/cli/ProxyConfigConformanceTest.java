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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The proxy-config table of {@code ../shared/conformance/README.md}, run through the real CLI
 * entry. Skipped when the conformance folder is absent; nothing from it is copied here.
 */
class ProxyConfigConformanceTest {

    private static final Path ROOT = Path.of("../shared/conformance/proxy-config/current");
    private static final Path DUMPS = ROOT.resolve("writer/envoy/configdump/testdata");

    /** {@code exact}: byte for byte; otherwise both sides are trimmed first. */
    record Case(String name, Path expected, boolean exact, String... args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String dump = DUMPS.resolve("configdump.json").toString();
        cases.add(new Case("bootstrap json", DUMPS.resolve("bootstrapdump.json"), false, "bootstrap", "-f", dump));
        cases.add(new Case("bootstrap short", DUMPS.resolve("versionsummary.txt"), false, "bootstrap", "-f", dump,
                "-o", "short"));
        for (String r : List.of("empty-gateway", "istio-gateway-http-route-prefix", "k8s-gateway-http-route-path-prefix")) {
            Path dir = DUMPS.resolve("routes").resolve(r);
            cases.add(new Case("route " + r, dir.resolve("output.txt"), false, "route", "-f",
                    dir.resolve("configdump.json").toString()));
        }
        String eds = DUMPS.resolve("endpoint/configdump.json").toString();
        for (String o : List.of("short", "json", "yaml")) {
            String ext = o.equals("short") ? "txt" : o;
            cases.add(new Case("eds " + o, DUMPS.resolve("endpoint/emptyfilter_output." + ext), false, "eds", "-f", eds,
                    "-o", o));
            cases.add(new Case("eds --port 8080 " + o, DUMPS.resolve("endpoint/portfilter_output." + ext), false, "eds",
                    "-f", eds, "--port", "8080", "-o", o));
        }
        for (String s : List.of("istio", "spire")) {
            Path dir = DUMPS.resolve("secret").resolve(s);
            cases.add(new Case("secret " + s, dir.resolve("output"), true, "secret", "-f",
                    dir.resolve("config_dump.json").toString()));
        }
        String ecds = DUMPS.resolve("ecds/configdump.json").toString();
        cases.add(new Case("ecds short", DUMPS.resolve("ecds/output.txt"), false, "ecds", "-f", ecds));
        cases.add(new Case("ecds yaml", DUMPS.resolve("ecds/output.yaml"), false, "ecds", "-f", ecds, "-o", "yaml"));
        cases.add(new Case("ecds json", DUMPS.resolve("ecds/output.json"), false, "ecds", "-f", ecds, "-o", "json"));
        Path summary = ROOT.resolve("proxyconfig/testdata");
        String full = summary.resolve("config_dump.json").toString();
        cases.add(new Case("all", summary.resolve("config_dump_summary.txt"), true, "all", "-f", full));
        cases.add(new Case("all --with-headers", summary.resolve("config_dump_summary_withheaders.txt"), true, "all",
                "-f", full, "--with-headers"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsWhatIstioctlPrints(Case c) throws IOException {
        assumeTrue(Files.isDirectory(ROOT), "conformance data absent");
        List<String> args = new ArrayList<>(List.of("proxy-config"));
        args.addAll(List.of(c.args()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SkoposCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args.toArray(String[]::new));

        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        String expected = Files.readString(c.expected());
        if (c.exact()) {
            assertThat(out.toString()).isEqualTo(expected);
        } else {
            assertThat(out.toString().strip()).isEqualTo(expected.strip());
        }
    }
}
