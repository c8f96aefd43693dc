package dev.skopos.tui;

/** The text typed at the {@code :} or {@code /} prompt, with a cursor. */
final class LineEditor {

    private final StringBuilder text = new StringBuilder();
    private int cursor;

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
