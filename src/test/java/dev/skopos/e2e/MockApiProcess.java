package dev.skopos.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code MockApiServerMain} (the demo mesh on the mock API server, behind a relay) as its own
 * process, and the real jar run against it: the kubeconfig it writes, {@link #down()} and
 * {@link #up()} sent on its stdin, its output in {@code api.log} of a temporary directory.
 */
final class MockApiProcess implements AutoCloseable {

    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final Path JAR = Path.of(System.getProperty("skopos.jar", "target/skopos.jar")).toAbsolutePath();

    /** What one run of the jar printed, and how it ended. */
    record Run(int exitCode, String stdout, String stderr) {}

    private final Process process;
    private final Path kubeconfig;

    private MockApiProcess(Process process, Path kubeconfig) {
        this.process = process;
        this.kubeconfig = kubeconfig;
    }

    private static MockApiProcess shared;

    /**
     * One server for all live e2e tests of this JVM (each start costs seconds of CPU), stopped when
     * the JVM exits. Handed out with the API server up, whatever the last test left.
     */
    static synchronized MockApiProcess shared() throws IOException, InterruptedException {
        if (shared == null || !shared.process.isAlive()) {
            Path dir = Files.createTempDirectory("skopos-mock-api");
            MockApiProcess started = start(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // a temp directory left behind
                }
            }));
            shared = started;
        }
        shared.up();
        return shared;
    }

    /** Starts the server and waits (bounded) until its kubeconfig is written. */
    private static MockApiProcess start(Path dir) throws IOException, InterruptedException {
        Path kubeconfig = dir.resolve("kubeconfig");
        Process p = new ProcessBuilder(List.of(JAVA, "-cp", System.getProperty("java.class.path"),
                "dev.skopos.source.live.MockApiServerMain", kubeconfig.toString(), "600"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("api.log").toFile()).start();
        MockApiProcess api = new MockApiProcess(p, kubeconfig);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(kubeconfig)) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                api.close();
                throw new AssertionError("the mock API server wrote no kubeconfig; see " + dir.resolve("api.log"));
            }
            Thread.sleep(100);
        }
        return api;
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    /** The API server goes away: the relay cuts every connection and refuses new ones. */
    void down() throws IOException {
        command("down");
    }

    void up() throws IOException {
        command("up");
    }

    private void command(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Runs {@code java -jar skopos.jar ARGS} to completion (bounded), state files under {@code state}. */
    static Run skopos(Path state, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XDG_STATE_HOME", state.toString());
        Path out = Files.createTempFile(state, "stdout", ".txt");
        Path err = Files.createTempFile(state, "stderr", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("skopos " + String.join(" ", args) + " did not finish in 90 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
