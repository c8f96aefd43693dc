package dev.skopos.tui;

import com.googlecode.lanterna.input.KeyStroke;

/** The text typed at the {@code :} or {@code /} prompt, with a cursor and shell-like keys. */
final class LineEditor {

    private final StringBuilder text = new StringBuilder();
    private int cursor;

    /**
     * Applies an editing key: characters, backspace/delete, left/right/home/end, ctrl-u, ctrl-w,
     * and tab or right-at-the-end to take the greyed suggestion. Returns false for other keys.
     */
    boolean edit(KeyStroke key, String suggestion) {
        switch (key.getKeyType()) {
            case Tab -> set(text() + suggestion);
            case Backspace -> backspace();
            case Delete -> delete();
            case ArrowLeft -> left();
            case ArrowRight -> {
                if (cursor == text.length()) {
                    set(text() + suggestion);
                } else {
                    right();
                }
            }
            case Home -> home();
            case End -> end();
            case Character -> {
                char c = Character.toLowerCase(key.getCharacter());
                if (key.isCtrlDown() && c == 'u') {
                    killToStart();
                } else if (key.isCtrlDown() && c == 'w') {
                    killWord();
                } else if (key.isCtrlDown() || key.isAltDown()) {
                    return false;
                } else {
                    insert(key.getCharacter());
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    String text() {
        return text.toString();
    }

    int cursor() {
        return cursor;
    }

    void set(String value) {
        text.setLength(0);
        text.append(value);
        cursor = text.length();
    }

    void insert(char c) {
        text.insert(cursor++, c);
    }

    void backspace() {
        if (cursor > 0) {
            text.deleteCharAt(--cursor);
        }
    }

    void delete() {
        if (cursor < text.length()) {
            text.deleteCharAt(cursor);
        }
    }

    void left() {
        cursor = Math.max(0, cursor - 1);
    }

    void right() {
        cursor = Math.min(text.length(), cursor + 1);
    }

    void home() {
        cursor = 0;
    }

    void end() {
        cursor = text.length();
    }

    /** ctrl-u, as in shells: drop everything before the cursor. */
    void killToStart() {
        text.delete(0, cursor);
        cursor = 0;
    }

    /** ctrl-w: drop the word before the cursor. */
    void killWord() {
        int start = cursor;
        while (start > 0 && text.charAt(start - 1) == ' ') {
            start--;
        }
        while (start > 0 && text.charAt(start - 1) != ' ') {
            start--;
        }
        text.delete(start, cursor);
        cursor = start;
    }
}
