package dev.skopos.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.skopos.config.Action;
import dev.skopos.config.KeyChord;
import dev.skopos.render.RowFilter;
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
    private final LineEditor editor = new LineEditor();
    private final Commands commands;
    private final Frame frame;
    private Mode mode = Mode.NORMAL;
    private Scope scope;
    private String flash;
    private boolean flashError;
    private long flashUntil;
    private boolean flashShown;
    private String confirmQuestion;
    private Runnable confirmYes;
    private boolean quit;
    private HeaderStats stats = HeaderStats.NONE;
    private dev.skopos.mesh.EnvoyConfigs envoyConfigs;
    private final FindingsState findings = new FindingsState();
    private final ExitReverts reverts = new ExitReverts();

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
        push(new ProxiesView());
        // The first analysis starts once the proxies are on screen (ProxiesView), so it does not slow
        // the first frame. Findings follow the objects: re-analyse whenever anything changes (one run at a time).
        settings.source().objects().onChange(() -> post(() -> findings.refresh(this)));
    }

    // ---- what views use ----

    MeshSource source() {
        return settings.source();
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
            envoyConfigs = new dev.skopos.mesh.EnvoyConfigs(settings.source(), settings.background());
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
    }

    /** Runs a task on the GUI thread at the next turn of the loop; safe from any thread. */
    public void post(Runnable task) {
        tasks.add(task);
    }

    /** Waits for a future off the GUI thread and hands its outcome back on it. */
    <T> void await(CompletableFuture<T> future, Consumer<T> ok, Consumer<String> failed) {
        future.whenComplete((value, error) -> post(() -> {
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
        confirmQuestion = question;
        confirmYes = yes;
        mode = Mode.CONFIRM;
    }

    void requestQuit() {
        quit = true;
    }

    /** Changes skopos made in the cluster (istiod log scopes), put back when it exits. */
    ExitReverts reverts() {
        return reverts;
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
        if (key.getKeyType() == KeyType.EOF) {
            quit = true;
            return;
        }
        try {
            switch (mode) {
                case COMMAND, FILTER -> prompt(key);
                case CONFIRM -> answer(key);
                default -> normal(key);
            }
        } catch (RuntimeException e) {
            flash("internal error: " + Failures.oneLine(e), true);
            Failures.log("key handling failed", e);
        }
    }

    private void normal(KeyStroke key) {
        KeyChord chord = KeyTranslator.chord(key);
        Action action = chord == null ? null : settings.keymap().actionFor(chord);
        if (action == null) {
            return;
        }
        View view = current();
        switch (action) {
            case QUIT -> quit = true;
            case COMMAND -> startPrompt(Mode.COMMAND, "");
            case FILTER -> startPrompt(Mode.FILTER, "");
            case HELP -> {
                if (!(view instanceof HelpView)) {
                    push(new HelpView(settings.keymap(), commands.all(), readOnly()));
                }
            }
            case BACK -> {
                if (view.filter().active()) {
                    view.setFilter(RowFilter.NONE);
                } else {
                    pop();
                }
            }
            case FINDINGS -> {
                if (!(view instanceof FindingsView)) {
                    push(new FindingsView());
                }
            }
            case ISTIOD -> {
                if (!(view instanceof IstiodView)) {
                    push(new IstiodView());
                }
            }
            case REFRESH -> {
                view.refresh(this);
                flash("refreshing", false);
            }
            default -> {
                if (action.mutating() && readOnly()) {
                    flash("read-only: " + action.id() + " is refused (started with --readonly)", true);
                } else if (!view.handle(action, this)) {
                    flash(settings.keymap().primaryKeyLabel(action) + " (" + action.id() + ") does nothing here", true);
                }
            }
        }
    }

    private void startPrompt(Mode newMode, String initial) {
        mode = newMode;
        editor.set(initial);
    }

    private void prompt(KeyStroke key) {
        switch (key.getKeyType()) {
            case Escape -> {
                if (mode == Mode.FILTER) {
                    current().setFilter(RowFilter.NONE);
                }
                mode = Mode.NORMAL;
            }
            case Enter -> {
                Mode was = mode;
                mode = Mode.NORMAL;
                if (was == Mode.COMMAND) {
                    commands.run(this, editor.text());
                } else {
                    applyFilter(true);
                }
            }
            case Character -> {
                if (key.isCtrlDown() && Character.toLowerCase(key.getCharacter()) == 'c') {
                    mode = Mode.NORMAL;
                } else {
                    editor.edit(key, commandSuggestion());
                }
            }
            default -> editor.edit(key, commandSuggestion());
        }
        if (mode == Mode.FILTER) {
            applyFilter(false);
        }
    }

    /** Filters as the user types (k9s does), reporting a bad regex only when they press enter. */
    private void applyFilter(boolean final_) {
        RowFilter filter = RowFilter.parse(editor.text());
        current().setFilter(filter);
        if (final_ && filter.problem() != null) {
            flash("/" + filter.spec() + ": " + filter.problem(), true);
        }
    }

    String commandSuggestion() {
        return mode == Mode.COMMAND ? commands.suggestion(this, editor.text()) : "";
    }

    private void answer(KeyStroke key) {
        boolean yes = key.getKeyType() == KeyType.Enter
                || (key.getKeyType() == KeyType.Character && (key.getCharacter() == 'y' || key.getCharacter() == 'Y'));
        mode = Mode.NORMAL;
        Runnable action = confirmYes;
        confirmYes = null;
        confirmQuestion = null;
        if (yes && action != null) {
            action.run();
        } else {
            flash("cancelled", false);
        }
    }

    Mode mode() {
        return mode;
    }

    LineEditor editor() {
        return editor;
    }

    String confirmQuestion() {
        return confirmQuestion;
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
    }
}
