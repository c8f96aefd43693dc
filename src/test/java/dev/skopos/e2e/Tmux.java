package dev.skopos.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A tmux session holding the real program: send keys, capture the pane, wait for text. */
final class Tmux implements AutoCloseable {

    private final String session;

    private Tmux(String session) {
        this.session = session;
    }

    static boolean available() {
        try {
            return run(List.of("tmux", "-V")).startsWith("tmux");
        } catch (IOException e) {
            return false;
        }
    }

    static Tmux start(String session, int columns, int rows, String shellCommand) throws IOException {
        run(List.of("tmux", "kill-session", "-t", session));
        run(List.of("tmux", "new-session", "-d", "-s", session, "-x", Integer.toString(columns),
                "-y", Integer.toString(rows), shellCommand));
        // Escape must reach the program at once, not after tmux's meta-key wait.
        run(List.of("tmux", "set-option", "-t", session, "escape-time", "0"));
        return new Tmux(session);
    }

    /** tmux key names (Enter, Escape, Down, C-c) or literal text with {@code literal}. */
    void keys(String... keys) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "send-keys", "-t", session));
        cmd.addAll(List.of(keys));
        run(cmd);
    }

    void literal(String text) throws IOException {
        run(List.of("tmux", "send-keys", "-t", session, "-l", text));
    }

    String capture() throws IOException {
        return run(List.of("tmux", "capture-pane", "-p", "-t", session));
    }

    /** Captures until the pane satisfies the condition, or fails with the last capture. */
    String waitFor(String what, Predicate<String> condition, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String pane;
        do { // at least one capture, so a timeout shows what was on screen
            pane = capture();
            if (condition.test(pane)) {
                return pane;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("timed out waiting for " + what + "; the pane shows:\n" + pane);
    }

    /**
     * Like {@link #waitFor(String, Predicate, Duration)}, but the condition must hold on two
     * captures in a row: for a condition that a half-drawn frame could satisfy by accident (a
     * banner line being rewritten is briefly absent).
     */
    String waitForSteady(String what, Predicate<String> condition, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            waitFor(what, condition, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            Thread.sleep(300);
            String again = capture();
            if (condition.test(again)) {
                return again;
            }
        }
    }

    String waitFor(String text, Duration timeout) throws IOException, InterruptedException {
        return waitFor("'" + text + "'", pane -> pane.contains(text), timeout);
    }

    @Override
    public void close() throws IOException {
        run(List.of("tmux", "kill-session", "-t", session));
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
