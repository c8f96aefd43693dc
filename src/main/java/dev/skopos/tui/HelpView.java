package dev.skopos.tui;

import dev.skopos.config.Action;
import dev.skopos.config.Keymap;
import dev.skopos.render.StyledLine;
import dev.skopos.render.Tone;
import java.util.ArrayList;
import java.util.List;

/** {@code ?}: every action with its keys, generated from the keymap so it can never go stale. */
final class HelpView extends TextView {

    HelpView(Keymap keymap, List<Commands.Command> commands, boolean readOnly) {
        super("help", "help(keymap: " + keymap.name() + ")", lines(keymap, commands, readOnly));
    }

    static List<StyledLine> lines(Keymap keymap, List<Commands.Command> commands, boolean readOnly) {
        List<StyledLine> out = new ArrayList<>();
        int keyWidth = 12;
        for (Action a : Action.values()) {
            keyWidth = Math.max(keyWidth, keymap.keyLabel(a).length() + 2);
        }
        for (Action.Group group : Action.Group.values()) {
            out.add(StyledLine.of(new dev.skopos.render.Span(group.name(), Tone.HEADING)));
            for (Action a : Action.values()) {
                if (a.group() != group) {
                    continue;
                }
                String keys = keymap.keyLabel(a);
                String note = a.mutating() ? (readOnly ? "  [mutating: off, --readonly]" : "  [mutating, asks first]") : "";
                out.add(new StyledLine.Builder()
                        .add("  " + pad(keys.isEmpty() ? "(unbound)" : keys, keyWidth), Tone.LABEL)
                        .add(pad(a.id(), 14), Tone.DIM)
                        .add(a.description())
                        .add(note, a.mutating() ? Tone.WARN : Tone.NORMAL)
                        .build());
            }
            out.add(StyledLine.EMPTY);
        }
        out.add(StyledLine.of(new dev.skopos.render.Span("COMMANDS (after :, tab completes)", Tone.HEADING)));
        for (Commands.Command c : commands) {
            String names = c.name() + (c.aliases().isEmpty() ? "" : " (" + String.join(", ", c.aliases()) + ")");
            out.add(new StyledLine.Builder()
                    .add("  " + pad(names + (c.argument().isEmpty() ? "" : " " + c.argument()), 30), Tone.LABEL)
                    .add(c.description())
                    .build());
        }
        out.add(StyledLine.EMPTY);
        out.add(StyledLine.of(new dev.skopos.render.Span("PROMPTS", Tone.HEADING)));
        out.add(StyledLine.plain("  enter runs, esc cancels, tab completes, ctrl-u/ctrl-w erase, left/right move"));
        return out;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
