package dev.skopos.tui;

/** A region of the screen in columns and rows. */
public record Rect(int x, int y, int width, int height) {

    public Rect inset(int by) {
        return new Rect(x + by, y + by, Math.max(0, width - 2 * by), Math.max(0, height - 2 * by));
    }

    public int bottom() {
        return y + height - 1;
    }

    public int right() {
        return x + width - 1;
    }
}
