package dev.skopos.tui;

import dev.skopos.source.ConnectingSource;
import dev.skopos.source.MeshSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connecting to kube contexts without blocking the screen: at start (the first frame is drawn
 * before the client exists) and on {@code :ctx}. The current source stays on screen until the new
 * one is open; a failure is one flash line and loses nothing. The last request wins: a source that
 * opens after the user asked for yet another context is closed unseen.
 */
final class ContextSwitch {

    private static final Logger LOG = Logger.getLogger("dev.skopos.tui");
    /** Undoing istiod log-scope changes before leaving a context waits at most this long. */
    private static final long REVERT_MILLIS = 5_000;

    private int latest;

    void start(Shell shell, List<String> contexts, boolean initial) {
        ContextSwitcher switcher = shell.settings().contexts();
        if (switcher == null) {
            shell.flash("no kube contexts to switch to: this is " + shell.source().info().label(), true);
            return;
        }
        String label = contexts.isEmpty() ? "the current context" : String.join(",", contexts);
        int request = ++latest;
        if (!initial) {
            shell.flash("connecting to " + label + "…", false);
        }
        CompletableFuture.supplyAsync(() -> switcher.open(contexts), shell.settings().background())
                .whenComplete((next, error) -> shell.post(() -> {
                    if (request != latest) {
                        if (next != null) {
                            retire(shell, next, null);
                        }
                        return;
                    }
                    if (error != null) {
                        failed(shell, label, Failures.oneLine(error));
                    } else {
                        switched(shell, next, initial);
                    }
                }));
    }

    private static void failed(Shell shell, String label, String why) {
        LOG.warning("cannot connect to " + label + ": " + why);
        if (shell.source() instanceof ConnectingSource connecting) {
            connecting.failed(why); // still nothing else to show: the banner and the view say why
            shell.current().refresh(shell);
        }
        shell.flash("cannot connect to " + label + ": " + why, true);
    }

    private static void switched(Shell shell, MeshSource next, boolean initial) {
        ExitReverts reverts = shell.takeReverts();
        MeshSource previous = shell.installSource(next);
        if (!initial) {
            shell.flash("context: " + next.info().label() + " (namespace " + shell.scope().label() + ")", false);
        }
        retire(shell, previous, reverts);
    }

    /** Off the GUI thread: undo what skopos changed in the old context, then stop its informers and forwards. */
    private static void retire(Shell shell, MeshSource previous, ExitReverts reverts) {
        CompletableFuture.runAsync(() -> {
            if (reverts != null) {
                for (String failure : reverts.runAll(REVERT_MILLIS)) {
                    shell.post(() -> shell.flash("could not revert " + failure, true));
                }
            }
            previous.close();
        }, shell.settings().background()).exceptionally(e -> {
            LOG.log(Level.FINE, "closing the previous source", e);
            return null;
        });
    }
}
