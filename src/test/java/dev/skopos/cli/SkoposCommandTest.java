package dev.skopos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SkoposCommandTest {

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SkoposCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheProductSurface() {
        Result r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--demo", "--context", "--namespace", "-A", "--kubeconfig", "--readonly",
                "--theme", "--keymap", "--snapshot", "--version");
    }

    @Test
    void versionComesFromTheBuild() {
        Result r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("skopos ").doesNotContain("${project.version}").doesNotContain("unknown");
    }

    @Test
    void badSettingsExitWithTwoAndAOneLineReason(@TempDir Path dir) throws Exception {
        Path keymap = dir.resolve("k.yaml");
        Files.writeString(keymap, "bindings:\n  down: [q]\n");
        Result r = run("--demo", "--keymap", keymap.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("skopos: keymap").contains("'q'").hasLineCount(1);
        assertThat(run("--demo", "--theme", "nope").err()).contains("theme 'nope' not found");
        assertThat(run("--demo", "-n", "a", "-A").code()).isEqualTo(2);
        assertThat(run("--bogus").code()).isEqualTo(2);
    }

    @Test
    void anUnusableKubeconfigIsOneLineAndPointsAtTheDemo(@TempDir Path dir) throws Exception {
        Result missing = run("--kubeconfig", dir.resolve("nope").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("skopos: ").contains("skopos --demo").hasLineCount(1);
        Path broken = dir.resolve("config");
        Files.writeString(broken, "apiVersion: v1\nclusters: [this is not: a kubeconfig\n");
        Result malformed = run("--kubeconfig", broken.toString());
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err()).hasLineCount(1);
        Result unknownContext = run("--kubeconfig", broken.toString(), "--context", "a,b");
        assertThat(unknownContext.code()).isEqualTo(2);
    }
}
