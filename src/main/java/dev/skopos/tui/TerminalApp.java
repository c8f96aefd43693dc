package dev.skopos.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.logging.Logger;

/**
 * The GUI thread's loop: read keys, run posted results, redraw when something changed. One
 * thread owns the screen and every view; background work only posts back to it.
 */
public final class TerminalApp {

    private static final Logger LOG = Logger.getLogger("dev.skopos.tui");
    private static final long TICK_NANOS = 1_000_000_000L;

    private final Screen screen;
    private final Shell shell;
    private boolean drawn;
    private long lastTick = System.nanoTime();
    private String lastStaleness = "";

    public TerminalApp(Screen screen, Shell shell) {
        this.screen = screen;
        this.shell = shell;
    }

    /**
     * Runs the UI on the real terminal until the user quits; the terminal is restored and the
     * current source closed on any exit. Returns the shell, for what the command prints afterwards.
     */
    public static Shell runOnTerminal(ShellSettings settings) throws IOException {
        Terminal terminal = new DefaultTerminalFactory()
                .setForceTextTerminal(true)
                // ctrl-c must reach us as a key so we can restore the terminal and exit cleanly.
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                .createTerminal();
        Screen screen = new TerminalScreen(terminal);
        screen.startScreen();
        Shell shell = new Shell(settings);
        try {
            new TerminalApp(screen, shell).loop();
        } finally {
            screen.stopScreen();
            // Changes skopos made in the cluster (istiod log scopes) are put back on the way out.
            for (String failure : shell.runExitReverts(5_000)) {
                LOG.warning("could not revert on exit: " + failure);
                System.err.println("skopos: could not revert " + failure);
            }
            shell.closeSource();
        }
        return shell;
    }

    void loop() throws IOException {
        while (!shell.quitRequested()) {
            if (!step()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One turn of the loop; true when it drew. Tests call it directly. */
    public boolean step() throws IOException {
        boolean changed = !drawn;
        KeyStroke key;
        while (!shell.quitRequested() && (key = screen.pollInput()) != null) {
            shell.onKey(key);
            changed = true;
        }
        changed |= shell.drainTasks();
        if (System.nanoTime() - lastTick > TICK_NANOS) {
            lastTick = System.nanoTime();
            shell.current().tick(shell);
            // The stale banner's age moves every second while the API server is away: redraw it.
            String staleness = shell.source().staleness(shell.clock().instant());
            if (!staleness.equals(lastStaleness)) {
                lastStaleness = staleness;
                changed = true;
            }
        }
        TerminalSize resized = screen.doResizeIfNecessary();
        changed |= shell.flashExpired();
        if (shell.quitRequested()) {
            return false;
        }
        if (changed || resized != null) {
            shell.draw(screen);
            screen.refresh(resized != null ? Screen.RefreshType.COMPLETE : Screen.RefreshType.AUTOMATIC);
            if (!drawn) {
                drawn = true;
                long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                LOG.info("first frame drawn " + sinceStart + " ms after JVM start");
            }
            return true;
        }
        return false;
    }

    public Shell shell() {
        return shell;
    }
}
