package dev.skopos.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.skopos.config.Action;
import dev.skopos.config.KeyChord;
import dev.skopos.render.RowFilter;
import dev.skopos.tui.Shell.Mode;

/**
 * What a key does in the shell: global actions in normal mode, the {@code :} and {@code /}
 * prompts, and the y/N question before a mutating action. Views get the keys this does not take.
 */
final class ShellKeys {

    private final Shell shell;
    private final LineEditor editor = new LineEditor();
    private Mode mode = Mode.NORMAL;
    private String confirmQuestion;
    private Runnable confirmYes;

    ShellKeys(Shell shell) {
        this.shell = shell;
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

    /** Asks before a mutating action; y or enter runs it, anything else cancels. */
    void confirm(String question, Runnable yes) {
        confirmQuestion = question;
        confirmYes = yes;
        mode = Mode.CONFIRM;
    }

    void onKey(KeyStroke key) {
        if (key.getKeyType() == KeyType.EOF) {
            shell.requestQuit();
            return;
        }
        try {
            switch (mode) {
                case COMMAND, FILTER -> prompt(key);
                case CONFIRM -> answer(key);
                default -> normal(key);
            }
        } catch (RuntimeException e) {
            shell.flash("internal error: " + Failures.oneLine(e), true);
            Failures.log("key handling failed", e);
        }
    }

    private void normal(KeyStroke key) {
        KeyChord chord = KeyTranslator.chord(key);
        Action action = chord == null ? null : shell.settings().keymap().actionFor(chord);
        if (action == null) {
            return;
        }
        View view = shell.current();
        switch (action) {
            case QUIT -> shell.requestQuit();
            case COMMAND -> startPrompt(Mode.COMMAND, "");
            case FILTER -> startPrompt(Mode.FILTER, "");
            case HELP -> {
                if (!(view instanceof HelpView)) {
                    shell.push(new HelpView(shell.settings().keymap(), shell.commands().all(), shell.readOnly()));
                }
            }
            case BACK -> {
                if (view.filter().active()) {
                    view.setFilter(RowFilter.NONE);
                } else {
                    shell.pop();
                }
            }
            case FINDINGS -> {
                if (!(view instanceof FindingsView)) {
                    shell.push(new FindingsView());
                }
            }
            case ISTIOD -> {
                if (!(view instanceof IstiodView)) {
                    shell.push(new IstiodView());
                }
            }
            case REFRESH -> {
                shell.source().forgetAnswers();
                view.refresh(shell);
                shell.flash("refreshing", false);
            }
            default -> {
                if (action.mutating() && shell.readOnly()) {
                    shell.flash("read-only: " + action.id() + " is refused (started with --readonly)", true);
                } else if (!view.handle(action, shell)) {
                    shell.flash(shell.settings().keymap().primaryKeyLabel(action) + " (" + action.id() + ") does nothing here", true);
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
                    shell.current().setFilter(RowFilter.NONE);
                }
                mode = Mode.NORMAL;
            }
            case Enter -> {
                Mode was = mode;
                mode = Mode.NORMAL;
                if (was == Mode.COMMAND) {
                    shell.commands().run(shell, editor.text());
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
        shell.current().setFilter(filter);
        if (final_ && filter.problem() != null) {
            shell.flash("/" + filter.spec() + ": " + filter.problem(), true);
        }
    }

    String commandSuggestion() {
        return mode == Mode.COMMAND ? shell.commands().suggestion(shell, editor.text()) : "";
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
            shell.flash("cancelled", false);
        }
    }



}
