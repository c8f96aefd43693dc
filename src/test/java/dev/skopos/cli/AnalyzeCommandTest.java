package dev.skopos.cli;

import static dev.skopos.cli.FakeAnalyzers.ALL;
import static dev.skopos.cli.FakeAnalyzers.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.cli.FakeAnalyzers.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** skopos analyze over manifest files (--use-kube=false), through picocli as the shell runs it. */
class AnalyzeCommandTest {

    private static final String NOT_INJECTED = "The namespace is not enabled for Istio injection. Run 'kubectl label "
            + "namespace shop istio-injection=enabled' to enable it, or 'kubectl label namespace shop "
            + "istio-injection=disabled' to explicitly mark it as not needing injection.";
    private static final String NO_PROXY = "The pod web is missing the Istio proxy. This can often be resolved by "
            + "restarting or redeploying the workload.";

    @TempDir
    Path dir;
    private String vs;
    private String ns;
    private String pod;

    @BeforeEach
    void manifests() throws IOException {
        vs = write("vs.yaml", "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: cart\n"
                + "  namespace: shop\nspec:\n  hosts: [cart]\n  gateways: [missing-gw]\n");
        ns = write("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\n"
                + "kind: Namespace\nmetadata:\n  name: other\n  labels:\n    istio-injection: enabled\n");
        pod = write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: other\n"
                + "spec:\n  containers:\n  - name: web\n");
    }

    private String write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p.toString();
    }

    private Result analyze(String... args) {
        return run(ALL, args);
    }

    @Test
    void allNamespacesPrintsEveryFindingInIstioctlsOrderAndExits79() {
        Result r = analyze("analyze", "--use-kube=false", "-A", dir.toString());

        assertThat(r.out()).isEqualTo(
                "Error [IST0101] (VirtualService shop/cart " + vs + ":1) Referenced gateway not found: \"missing-gw\"\n"
                + "Warning [IST0103] (Pod other/web " + pod + ":1) " + NO_PROXY + "\n"
                + "Info [IST0102] (Namespace shop " + ns + ":1) " + NOT_INJECTED + "\n");
        assertThat(r.err()).isEqualTo("Error: Analyzers found issues when analyzing all namespaces.\n"
                + "See https://istio.io/v1.27/docs/reference/config/analysis for more information about causes and resolutions.\n");
        assertThat(r.code()).isEqualTo(79);
    }

    @Test
    void aNamespaceDropsFindingsOnOtherNamespacesButKeepsItsOwnNamespaceObject() {
        Result r = analyze("analyze", "--use-kube=false", "-n", "shop", dir.toString());

        assertThat(r.out().lines()).hasSize(2).allMatch(l -> l.contains("shop/cart") || l.contains("Namespace shop"));
        assertThat(r.err()).startsWith("Error: Analyzers found issues when analyzing namespace: shop.");
    }

    @Test
    void theDefaultNamespaceIsDefaultAndFilesWithoutOneLandInTheSelectedNamespace() throws IOException {
        Path other = dir.resolve("bare");
        Files.createDirectories(other);
        Files.writeString(other.resolve("vs.yaml"), "apiVersion: networking.istio.io/v1\nkind: VirtualService\n"
                + "metadata:\n  name: bare\nspec:\n  gateways: [gw]\n");

        Result def = analyze("analyze", "--use-kube=false", other.toString());
        Result shop = analyze("analyze", "--use-kube=false", "-n", "shop", other.toString());

        assertThat(def.out()).startsWith("Error [IST0101] (VirtualService default/bare ");
        assertThat(def.err()).contains("analyzing namespace: default.");
        assertThat(shop.out()).startsWith("Error [IST0101] (VirtualService shop/bare ");
    }

    @Test
    void jsonAndYamlCarryTheDocumentationLinkAndNeverFailTheExitCode() {
        Result json = analyze("analyze", "--use-kube=false", "-A", "-o", "json", vs);
        Result yaml = analyze("analyze", "--use-kube=false", "-A", "-o", "yaml", vs);

        assertThat(json.out()).isEqualTo("[\n\t{\n"
                + "\t\t\"code\": \"IST0101\",\n"
                + "\t\t\"documentationUrl\": \"https://istio.io/v1.27/docs/reference/config/analysis/ist0101/?ref=istioctl-analyze\",\n"
                + "\t\t\"level\": \"Error\",\n"
                + "\t\t\"message\": \"Referenced gateway not found: \\\"missing-gw\\\"\",\n"
                + "\t\t\"origin\": \"VirtualService shop/cart\",\n"
                + "\t\t\"reference\": \"" + vs + ":1\"\n"
                + "\t}\n]\n");
        assertThat(yaml.out()).startsWith("- code: IST0101\n  documentationUrl: https://istio.io/v1.27/docs/reference/"
                + "config/analysis/ist0101/?ref=istioctl-analyze\n  level: Error\n");
        // istioctl only turns findings into an exit code for the log format.
        assertThat(json.code()).isZero();
        assertThat(yaml.code()).isZero();
        assertThat(json.err()).isEmpty();
    }

    @Test
    void noFindingsPrintAnEmptyLineAndTheSuccessLineOnStderrNamingTheFiles() {
        Result r = analyze("analyze", "--use-kube=false", "-A", "--analyzer", "fake.PodProxy", vs, ns);

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("\n");
        assertThat(r.err()).isEqualTo("\u2714 No validation issues found when analyzing " + vs + "\n" + ns + ".\n");
        assertThat(analyze("analyze", "--use-kube=false", "-o", "json", "--analyzer", "fake.PodProxy").out())
                .isEqualTo("[]\n");
        assertThat(analyze("analyze", "--use-kube=false", "-o", "yaml", "--analyzer", "fake.PodProxy").out())
                .isEqualTo("[]\n\n");
        assertThat(analyze("analyze", "--use-kube=false", "--analyzer", "fake.PodProxy").err())
                .isEqualTo("\u2714 No validation issues found when analyzing namespace: default.\n");
    }

    @ParameterizedTest(name = "output {0}, failure {1}: {2} lines, exit {3}")
    @CsvSource({
        "Info, Error, 3, 79",
        "Warning, Error, 2, 79",
        "Error, Error, 1, 79",
        "error, warning, 1, 79",
    })
    void thresholdsFilterWhatIsPrintedAndSetTheExitCode(String output, String failure, int lines, int code) {
        Result r = analyze("analyze", "--use-kube=false", "-A", "--output-threshold", output,
                "--failure-threshold", failure, dir.toString());

        assertThat(r.out().lines()).hasSize(lines);
        assertThat(r.code()).isEqualTo(code);
    }

    @Test
    void theFailureThresholdSeesFindingsTheOutputThresholdHides() {
        Result warnings = analyze("analyze", "--use-kube=false", "-A", "--analyzer", "fake.PodProxy", pod);
        Result warningsFail = analyze("analyze", "--use-kube=false", "-A", "--analyzer", "fake.PodProxy",
                "--failure-threshold", "Warning", "--output-threshold", "Error", pod);

        assertThat(warnings.code()).isZero();
        assertThat(warnings.out()).startsWith("Warning [IST0103]");
        assertThat(warningsFail.out()).isEqualTo("\n");
        assertThat(warningsFail.code()).isEqualTo(79);
    }

    @Test
    void colourOnlyWhenAsked() {
        assertThat(analyze("analyze", "--use-kube=false", "-A", dir.toString()).out()).doesNotContain("\033[");
        assertThat(analyze("analyze", "--use-kube=false", "-A", "--color", dir.toString()).out())
                .startsWith("\033[1;31mError\033[0m [IST0101]").contains("\033[33mWarning\033[0m [IST0103]");
        assertThat(analyze("analyze", "--use-kube=false", "-A", "--color=false", dir.toString()).out())
                .doesNotContain("\033[");
    }

    @Test
    void listsAnalyzersAsIstioctlDoes() {
        Result r = analyze("analyze", "-L");

        assertThat(r.out()).isEqualTo("* fake.NamespaceInjection:\n"
                + "* fake.PodProxy:\n    Checks pods have a sidecar\n"
                + "* fake.VirtualServiceGateways:\n    Checks that VirtualService gateways exist\n");
        assertThat(r.code()).isZero();
    }

    @Test
    void analyzerSelectsByNameRepeatablyAndRefusesUnknownNames() {
        Result one = analyze("analyze", "--use-kube=false", "-A", "--analyzer", "fake.VirtualServiceGateways", dir.toString());
        Result two = analyze("analyze", "--use-kube=false", "-A", "--analyzer", "fake.VirtualServiceGateways",
                "--analyzer", "fake.PodProxy", dir.toString());
        Result unknown = analyze("analyze", "--use-kube=false", "--analyzer", "nope.Nothing", dir.toString());

        assertThat(one.out().lines()).singleElement().asString().startsWith("Error [IST0101]");
        assertThat(two.out().lines()).hasSize(2);
        assertThat(unknown.code()).isEqualTo(64);
        assertThat(unknown.err()).isEqualTo("skopos: unknown analyzer \"nope.Nothing\"; skopos analyze -L lists them\n");
        assertThat(unknown.out()).isEmpty();
    }

    @Test
    void suppressionsByExactNameAndGlobAndTheirWarnings() {
        Result exact = analyze("analyze", "--use-kube=false", "-A", "-S", "IST0101=VirtualService cart.shop", dir.toString());
        Result glob = analyze("analyze", "--use-kube=false", "-A", "-S", "IST0103=Pod *.other",
                "-S", "IST0102=Namespace *", dir.toString());
        Result unknownCode = analyze("analyze", "--use-kube=false", "-A", "-S", "IST9999=Pod x", dir.toString());
        Result malformed = analyze("analyze", "--use-kube=false", "-A", "-S", "IST0103", dir.toString());

        assertThat(exact.out()).doesNotContain("IST0101").contains("IST0103");
        assertThat(exact.code()).isZero();
        assertThat(glob.out().lines()).singleElement().asString().startsWith("Error [IST0101]");
        assertThat(unknownCode.err()).startsWith("Warning: Supplied message code 'IST9999' is an unknown message code "
                + "and will not have any effect.\n");
        assertThat(unknownCode.code()).isEqualTo(79);
        assertThat(malformed.err()).isEqualTo("skopos: IST0103 is not a valid suppression value. See skopos analyze --help\n");
        assertThat(malformed.code()).isEqualTo(1);
    }

    @Test
    void suppressionsMatchTheNamesIstioctlPrintsAsWellAsTheDocumentedOldForm() {
        Result printed = analyze("analyze", "--use-kube=false", "-A", "-S", "IST0101=VirtualService shop/cart", dir.toString());
        Result globbed = analyze("analyze", "--use-kube=false", "-A", "-S", "IST0103=Pod other/*", dir.toString());
        Result otherNamespace = analyze("analyze", "--use-kube=false", "-A", "-S", "IST0101=VirtualService other/cart",
                dir.toString());

        assertThat(printed.out()).doesNotContain("IST0101").contains("IST0103");
        assertThat(globbed.out()).doesNotContain("IST0103").contains("IST0101");
        assertThat(otherNamespace.out()).contains("IST0101");
    }

    @Test
    void jsonFilesAreReferencedByNameOnlyAsIstioctlKeepsNoJsonPositions() throws IOException {
        String json = write("vs.json", "{\"apiVersion\": \"networking.istio.io/v1\", \"kind\": \"VirtualService\","
                + " \"metadata\": {\"name\": \"j\", \"namespace\": \"shop\"}, \"spec\": {\"gateways\": [\"nope\"]}}\n");

        Result r = analyze("analyze", "--use-kube=false", "-A", json);

        assertThat(r.out()).startsWith("Error [IST0101] (VirtualService shop/j " + json + ") ");
    }

    @Test
    void theSuppressAnnotationIsHonoured() throws IOException {
        String annotated = write("sub/annotated.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: quiet\n"
                + "  namespace: other\n  annotations:\n    galley.istio.io/analyze-suppress: IST0103\nspec:\n  containers: []\n");

        assertThat(analyze("analyze", "--use-kube=false", "-A", annotated).out()).isEqualTo("\n");
    }

    @Test
    void directoriesAreReadOneLevelUnlessRecursiveAndOtherExtensionsAreSkipped() throws IOException {
        write("nested/deep.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\n  namespace: other\n");
        write("notes.txt", "not a manifest");

        Result flat = analyze("analyze", "--use-kube=false", "-A", "--analyzer", "fake.PodProxy", dir.toString());
        Result deep = analyze("analyze", "--use-kube=false", "-A", "-R", "--analyzer", "fake.PodProxy", dir.toString());

        assertThat(flat.out()).doesNotContain("other/deep").contains("other/web");
        assertThat(flat.err()).contains("Skipping file " + dir.resolve("notes.txt")
                + ", recognized file extensions are: [.json .yaml .yml]\n");
        assertThat(deep.out()).contains("Pod other/deep").contains("Pod other/web");
    }

    @Test
    void stdinIsAFile() {
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(("apiVersion: v1\nkind: Pod\nmetadata:\n  name: piped\n"
                    + "spec: {}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Result r = analyze("analyze", "--use-kube=false", "--analyzer", "fake.PodProxy", "-");
            assertThat(r.out()).startsWith("Warning [IST0103] (Pod default/piped -:1) ");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void malformedYamlIsOneLineAndExit65WhileTheOtherFilesAreStillAnalyzed() throws IOException {
        String broken = write("broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n");

        Result alone = analyze("analyze", "--use-kube=false", broken);
        Result withOthers = analyze("analyze", "--use-kube=false", "-A", dir.toString());
        Result ignored = analyze("analyze", "--use-kube=false", "--ignore-unknown", broken);

        assertThat(alone.err().lines()).hasSize(3).first().asString().startsWith("skopos: " + broken + ": not valid YAML");
        assertThat(alone.err()).contains("No validation issues found when analyzing namespace: default "
                + "(but 1 file could not be parsed).\nError: Some files couldn't be parsed.\n");
        assertThat(alone.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(alone.code()).isEqualTo(65);
        assertThat(withOthers.out().lines()).hasSize(3);
        assertThat(withOthers.code()).isEqualTo(79);
        assertThat(ignored.code()).isZero();
    }

    @Test
    void aMissingFileIsOneLineAndExit1() {
        Result r = analyze("analyze", "--use-kube=false", dir.resolve("nope.yaml").toString());

        assertThat(r.err()).isEqualTo("skopos: " + dir.resolve("nope.yaml") + ": no such file or directory\n");
        assertThat(r.code()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "-o xml | skopos: xml not a valid option for format. See skopos analyze --help",
        "--output-threshold loud | skopos: invalid argument \"loud\" for \"--output-threshold\" flag: invalid level option",
        "--bogus | skopos: Unknown option: '--bogus'",
        "--timeout soon | skopos: Invalid value for option '--timeout'",
    })
    void badUsageExits64WithOneLine(String args, String message) {
        Result r = analyze(("analyze --use-kube=false " + args).split(" "));

        assertThat(r.code()).isEqualTo(64);
        assertThat(r.err()).startsWith(message);
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void withoutDemoOrFilesAnUnusableKubeconfigIsOneLine() {
        Result r = analyze("analyze", "--kubeconfig", "/nonexistent/kubeconfig", vs);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("skopos: kubeconfig /nonexistent/kubeconfig not found").contains("--demo");
    }

    @Test
    void istioOnlyKeepsIstCodes() {
        var ist = new dev.skopos.analysis.Diagnostic(dev.skopos.analysis.Catalog.type("PodMissingProxy"), null, List.of("p"));
        var own = new dev.skopos.analysis.Diagnostic(new dev.skopos.analysis.MessageType("SkoposCheck", "SKP0001",
                dev.skopos.analysis.Level.ERROR, "ours"), null, List.of());

        assertThat(AnalysisScope.istioOnly(List.of(own, ist))).containsExactly(ist);
    }
}
