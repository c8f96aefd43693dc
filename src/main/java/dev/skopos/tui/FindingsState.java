package dev.skopos.tui;

import dev.skopos.analysis.Diagnostic;
import dev.skopos.analysis.Level;
import dev.skopos.mesh.FindingsFeed;
import dev.skopos.source.SourceInfo;
import java.util.List;

/**
 * The latest analysis of the whole mesh, kept by the shell for the header badge, the landing
 * view's worst findings and the findings view. Re-run when objects change; one run at a time.
 */
final class FindingsState {

    /** How often the runtime checks (certificates, secrets of every proxy) are pulled again. */
    static final long RUNTIME_EVERY_NANOS = 60_000_000_000L;

    private FindingsFeed.Findings latest;
    private long runtimeAt;
    private boolean forceRuntime;
    /**
     * Whether the runtime checks may ask the proxies themselves. Free on the demo; on a live
     * cluster only once the user asked for findings (opened the findings view, or ctrl-r there):
     * the landing view alone must not port-forward to dozens of proxies nobody looks at.
     */
    private boolean proxiesWanted;
    private boolean runtimeAskedProxies;
    private String error;
    private boolean inFlight;
    private boolean again;

    /** ctrl-r in the findings view: ask the proxies again now, not at the next minute. */
    void refreshAll(Shell shell) {
        proxiesWanted = true;
        forceRuntime = true;
        refresh(shell);
    }

    /** The findings view is on screen: from now on the proxies are asked too, at once if they never were. */
    void viewed(Shell shell) {
        proxiesWanted = true;
        if (!runtimeAskedProxies) {
            forceRuntime = true;
        }
        if (!loaded() || forceRuntime) {
            refresh(shell);
        }
    }

    void refresh(Shell shell) {
        if (inFlight) {
            again = true;
            return;
        }
        inFlight = true;
        // Objects are re-analysed on every change; the proxies are asked again at most once a minute.
        boolean pullRuntime = latest == null || forceRuntime || System.nanoTime() - runtimeAt > RUNTIME_EVERY_NANOS;
        forceRuntime = false;
        boolean askProxies = proxiesWanted || shell.source().info().kind() != SourceInfo.Kind.LIVE;
        if (pullRuntime) {
            runtimeAt = System.nanoTime();
            runtimeAskedProxies = askProxies;
        }
        shell.await(FindingsFeed.load(shell.source(), shell.scope(), shell.settings().background(), shell.clock(),
                pullRuntime ? null : latest.runtime(), askProxies), f -> {
            latest = f;
            error = null;
            done(shell);
        }, e -> {
            error = e;
            done(shell);
        });
    }

    private void done(Shell shell) {
        inFlight = false;
        if (shell.current() instanceof FindingsView view) {
            view.fill(shell);
        }
        if (again) {
            again = false;
            refresh(shell);
        }
    }

    boolean running() {
        return inFlight;
    }

    boolean loaded() {
        return latest != null;
    }

    List<Diagnostic> all() {
        return latest == null ? List.of() : latest.diagnostics();
    }

    dev.skopos.analysis.ResourceSnapshot snapshot() {
        return latest == null ? null : latest.snapshot();
    }

    List<String> problems() {
        return latest == null ? List.of() : latest.problems();
    }

    String error() {
        return error;
    }

    /** Errors and warnings, worst first (the run's order already is). */
    List<Diagnostic> worst(int max) {
        return all().stream().filter(d -> d.level() != Level.INFO).limit(max).toList();
    }

    /** {@code 2E 5W 3I} for the header, empty before the first run. */
    String badge() {
        if (latest == null) {
            return "";
        }
        long e = all().stream().filter(d -> d.level() == Level.ERROR).count();
        long w = all().stream().filter(d -> d.level() == Level.WARNING).count();
        long i = all().size() - e - w;
        return e + "E " + w + "W " + i + "I";
    }

    boolean hasErrors() {
        return all().stream().anyMatch(d -> d.level() == Level.ERROR);
    }
}
