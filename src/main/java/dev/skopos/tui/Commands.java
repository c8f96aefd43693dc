package dev.skopos.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The {@code :} commands: each with aliases, an optional argument and its completer. One list
 * feeds dispatch, tab completion and the help screen.
 */
final class Commands {

    /**
     * @param argument  how help shows the argument, e.g. {@code [NAMESPACE]}; empty for none
     * @param completer candidate values for the argument, given the shell
     */
    record Command(String name, List<String> aliases, String argument, String description,
                   BiConsumer<Shell, String> run, Function<Shell, List<String>> completer) {

        boolean answersTo(String word) {
            return name.equals(word) || aliases.contains(word);
        }
    }

    private final List<Command> commands = new ArrayList<>();

    void add(Command command) {
        commands.add(command);
    }

    List<Command> all() {
        return List.copyOf(commands);
    }

    Command find(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return commands.stream().filter(c -> c.answersTo(w)).findFirst().orElse(null);
    }

    /** Runs a command line; false (with a flash) when no command answers to its first word. */
    boolean run(Shell shell, String line) {
        String trimmed = line.trim();
        if (trimmed.isEmpty()) {
            return true;
        }
        String[] parts = trimmed.split("\\s+", 2);
        Command c = find(parts[0]);
        if (c == null) {
            shell.flash("unknown command '" + parts[0] + "' (try :help)", true);
            return false;
        }
        c.run().accept(shell, parts.length > 1 ? parts[1].trim() : "");
        return true;
    }

    /**
     * The text that completes what was typed, greyed after the cursor and taken by tab:
     * the rest of the unique (or common) candidate, or empty.
     */
    String suggestion(Shell shell, String typed) {
        int space = typed.indexOf(' ');
        if (space < 0) {
            List<String> names = new ArrayList<>();
            for (Command c : commands) {
                names.add(c.name());
                names.addAll(c.aliases());
            }
            return completeFrom(names, typed);
        }
        Command c = find(typed.substring(0, space));
        if (c == null || c.completer() == null) {
            return "";
        }
        String arg = typed.substring(space + 1).stripLeading();
        return completeFrom(c.completer().apply(shell), arg);
    }

    /** The rest of the first candidate (in the given order) that extends the prefix, k9s style. */
    static String completeFrom(List<String> candidates, String prefix) {
        if (prefix.isEmpty() || candidates.contains(prefix)) {
            return "";
        }
        return candidates.stream().filter(s -> s.startsWith(prefix)).findFirst()
                .map(s -> s.substring(prefix.length())).orElse("");
    }
}
