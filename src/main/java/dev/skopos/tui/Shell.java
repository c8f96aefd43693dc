package dev.skopos.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import dev.skopos.source.MeshSource;
import dev.skopos.source.Scope;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The k9s-style shell: header, hint bar, prompt, the current view in a box, breadcrumbs and a
 * flash line. Owns the view stack and input modes. Everything here runs on the GUI thread;
 * background work comes back through {@link #post}.
 */
public final class Shell {

    enum Mode { NORMAL, COMMAND, FILTER, CONFIRM }

    static final long FLASH_NANOS = 6_000_000_000L;

    private final ShellSettings settings;
    private final Palette palette;
    private final Deque<View> stack = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ShellKeys keys = new ShellKeys(this);
    private final Commands commands;
    private final Frame frame;
    private Scope scope;
    private String flash;
    private boolean flashError;
    private long flashUntil;
    private boolean flashShown;
    private boolean quit;
    private HeaderStats stats = HeaderStats.NONE;
    private dev.skopos.mesh.EnvoyConfigs envoyConfigs;
    private FindingsState findings = new FindingsState();
    private ExitReverts reverts = new ExitReverts();
    private final ContextSwitch contextSwitch = new ContextSwitch();
    /** The source views read; replaced by a context switch (GUI thread only). */
    private MeshSource source;
    private dev.skopos.source.Subscription findingsChanges;
    /** Bumped by every source switch, so answers from the previous source are dropped, not shown. */
    private int generation;
    /** Live clusters connect once the first frame is on screen: the frame must not wait for the client. */
    private boolean connectPending;

    /** What the header says about the proxies in scope; the proxies view keeps it current. */
    record HeaderStats(int proxies, int faulty, List<String> dataPlaneVersions) {
        static final HeaderStats NONE = new HeaderStats(-1, 0, List.of());
    }

    public Shell(ShellSettings settings) {
        this.settings = settings;
        this.palette = new Palette(settings.theme());
        this.scope = settings.scope();
        this.commands = ShellCommands.create();
        this.frame = new Frame(this);
        this.source = settings.source();
        push(new ProxiesView());
        followFindings();
        connectPending = settings.connectsOnStart();
    }

    /**
     * The first analysis starts once the proxies are on screen (ProxiesView), so it does not slow
     * the first frame. Findings follow the objects: re-analyse whenever anything changes (one run at a time).
     */
    private void followFindings() {
        findingsChanges = source.objects().onChange(() -> post(() -> findings.refresh(this)));
    }

    /**
     * Makes {@code next} the source every view reads and starts over on it: a fresh proxies view
     * (keeping the namespace scope), no cached Envoy answers or findings from the previous one.
     * Answers still on their way from the previous source are dropped. Returns the previous source;
     * the caller closes it (off the GUI thread: closing informers and forwards can take a while).
     */
    MeshSource installSource(MeshSource next) {
        MeshSource previous = source;
        generation++;
        findingsChanges.close();
        source = next;
        envoyConfigs = null;
        findings = new FindingsState();
        stats = HeaderStats.NONE;
        replace(new ProxiesView());
        followFindings();
        return previous;
    }

    /** Closes whatever source is current; for the way out. Never throws. */
    public void closeSource() {
        findingsChanges.close();
        source.close();
    }

    // ---- what views use ----

    MeshSource source() {
        return source;
    }

    Clock clock() {
        return settings.clock();
    }

    Scope scope() {
        return scope;
    }

    ShellSettings settings() {
        return settings;
    }

    Commands commands() {
        return commands;
    }

    FindingsState findings() {
        return findings;
    }

    /** Per-proxy Envoy configuration, pulled when first viewed and cached for a while. */
    dev.skopos.mesh.EnvoyConfigs envoyConfigs() {
        if (envoyConfigs == null) {
            envoyConfigs = new dev.skopos.mesh.EnvoyConfigs(source, settings.background());
        }
        return envoyConfigs;
    }

    boolean readOnly() {
        return settings.readOnly();
    }

    HeaderStats stats() {
        return stats;
    }

    void setStats(HeaderStats stats) {
        this.stats = stats;
    }

    void setScope(Scope scope) {
        this.scope = scope;
        View root = stack.peekLast();
        stack.clear();
        stack.push(root);
        root.refresh(this);
        // Findings follow the scope (a namespace-scoped identity may read only what is in scope).
        findings.refresh(this);
    }

    /** Runs a task on the GUI thread at the next turn of the loop; safe from any thread. */
    public void post(Runnable task) {
        tasks.add(task);
    }

    /** Waits for a future off the GUI thread and hands its outcome back on it. */
    <T> void await(CompletableFuture<T> future, Consumer<T> ok, Consumer<String> failed) {
        int asked = generation;
        future.whenComplete((value, error) -> post(() -> {
            if (asked != generation) {
                return; // about a source the user has switched away from
            }
            if (error == null) {
                ok.accept(value);
            } else {
                failed.accept(Failures.oneLine(error));
            }
        }));
    }

    void push(View view) {
        stack.push(view);
        view.shown(this);
    }

    void pop() {
        if (stack.size() > 1) {
            stack.pop().closed();
            stack.peek().shown(this);
        }
    }

    /** Replaces the whole stack, as a {@code :view} jump does in k9s. */
    void replace(View view) {
        while (!stack.isEmpty()) {
            stack.pop().closed();
        }
        push(view);
    }

    View current() {
        return stack.peek();
    }

    List<View> stackBottomUp() {
        List<View> out = new ArrayList<>(stack);
        java.util.Collections.reverse(out);
        return out;
    }

    void flash(String message, boolean error) {
        flash = message;
        flashError = error;
        flashUntil = System.nanoTime() + FLASH_NANOS;
        flashShown = true;
    }

    /** Asks before a mutating action; y or enter runs it, anything else cancels. */
    void confirm(String question, Runnable yes) {
        keys.confirm(question, yes);
    }

    void requestQuit() {
        quit = true;
    }

    /** Changes skopos made in the cluster (istiod log scopes), put back when it exits. */
    ExitReverts reverts() {
        return reverts;
    }

    /** Hands over the pending reverts (to run before leaving a context) and starts a fresh list. */
    ExitReverts takeReverts() {
        ExitReverts taken = reverts;
        reverts = new ExitReverts();
        return taken;
    }

    /** {@code :ctx}: switches to other contexts in the background; the current view stays until they answer. */
    void switchContexts(List<String> contexts) {
        contextSwitch.start(this, contexts, false);
    }

    /** Why the first connection failed, when the user never got connected; null otherwise. */
    public String connectionFailure() {
        return source instanceof dev.skopos.source.ConnectingSource c ? c.failure() : null;
    }

    /** Runs every registered revert, waiting at most {@code timeoutMillis} in all; returns failures. */
    public List<String> runExitReverts(long timeoutMillis) {
        return reverts.runAll(timeoutMillis);
    }

    // ---- what the loop uses ----

    public boolean quitRequested() {
        return quit;
    }

    /** Runs queued background results; true when any ran (so the screen needs a redraw). */
    public boolean drainTasks() {
        boolean any = false;
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                flash("internal error: " + Failures.oneLine(e), true);
                Failures.log("task failed", e);
            }
            any = true;
        }
        return any;
    }

    /** True when the flash line expired since the last draw. */
    public boolean flashExpired() {
        return flashShown && System.nanoTime() > flashUntil;
    }

    public void onKey(KeyStroke key) {
        keys.onKey(key);
    }

    Mode mode() {
        return keys.mode();
    }

    LineEditor editor() {
        return keys.editor();
    }

    String confirmQuestion() {
        return keys.confirmQuestion();
    }

    String commandSuggestion() {
        return keys.commandSuggestion();
    }

    String flashText() {
        if (flash != null && System.nanoTime() > flashUntil) {
            flash = null;
            flashShown = false;
        }
        return flash;
    }

    boolean flashIsError() {
        return flashError;
    }

    Palette palette() {
        return palette;
    }

    /** Draws the whole frame; the caller refreshes the screen. */
    public void draw(Screen screen) {
        TerminalSize size = screen.getTerminalSize();
        screen.clear();
        TerminalPosition cursor = frame.draw(new Canvas(screen.newTextGraphics(), palette), size);
        screen.setCursorPosition(cursor);
        if (connectPending) {
            connectPending = false;
            contextSwitch.start(this, settings.connect(), true);
        }
    }
}
