package dev.skopos.config;

import java.util.Locale;
import java.util.Set;

/**
 * A key as keymap files spell it: {@code q}, {@code G}, {@code ?}, {@code ctrl-c}, {@code shift-n},
 * {@code alt-x}, or a named key ({@code enter esc tab backspace up down left right pgup pgdn home
 * end delete f1..f12 space}). Independent of the terminal library; the TUI maps key strokes to it.
 *
 * @param key  a single character, or a named key in lower case
 * @param ctrl ctrl was held (letters are then lower case)
 * @param alt  alt was held
 */
public record KeyChord(String key, boolean ctrl, boolean alt) {

    public static final Set<String> NAMED = Set.of("enter", "esc", "tab", "backtab", "backspace", "up", "down",
            "left", "right", "pgup", "pgdn", "home", "end", "delete", "insert", "space",
            "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12");

    public static KeyChord ofChar(char c) {
        return new KeyChord(String.valueOf(c), false, false);
    }

    public static KeyChord named(String name) {
        return new KeyChord(name, false, false);
    }

    /**
     * Parses a keymap spelling. {@code shift-n} means {@code N}; {@code ctrl-C} means {@code ctrl-c}.
     *
     * @throws IllegalArgumentException with a message naming the spelling
     */
    public static KeyChord parse(String spelling) {
        if (spelling == null || spelling.isEmpty()) {
            throw new IllegalArgumentException("empty key");
        }
        if (spelling.length() == 1) {
            return ofChar(spelling.charAt(0));
        }
        String rest = spelling;
        boolean ctrl = false;
        boolean alt = false;
        boolean shift = false;
        while (true) {
            String lower = rest.toLowerCase(Locale.ROOT);
            if (lower.startsWith("ctrl-") && rest.length() > 5) {
                ctrl = true;
                rest = rest.substring(5);
            } else if (lower.startsWith("alt-") && rest.length() > 4) {
                alt = true;
                rest = rest.substring(4);
            } else if (lower.startsWith("shift-") && rest.length() > 6) {
                shift = true;
                rest = rest.substring(6);
            } else {
                break;
            }
        }
        if (rest.length() == 1) {
            char c = rest.charAt(0);
            if (ctrl) {
                c = Character.toLowerCase(c);
            } else if (shift) {
                c = Character.toUpperCase(c);
            }
            return new KeyChord(String.valueOf(c), ctrl, alt);
        }
        String name = rest.toLowerCase(Locale.ROOT);
        if (name.equals("escape")) {
            name = "esc";
        } else if (name.equals("pageup")) {
            name = "pgup";
        } else if (name.equals("pagedown")) {
            name = "pgdn";
        } else if (name.equals("return")) {
            name = "enter";
        }
        if (shift && name.equals("tab")) {
            name = "backtab";
        }
        if (!NAMED.contains(name)) {
            throw new IllegalArgumentException("unknown key '" + spelling + "'");
        }
        return new KeyChord(name, ctrl, alt);
    }

    /** How the hint bar and help show it, k9s style: {@code ctrl-z}, {@code shift-n}, {@code enter}. */
    public String label() {
        String base = key;
        if (key.length() == 1 && Character.isUpperCase(key.charAt(0))) {
            base = "shift-" + key.toLowerCase(Locale.ROOT);
        }
        return (ctrl ? "ctrl-" : "") + (alt ? "alt-" : "") + base;
    }
}
