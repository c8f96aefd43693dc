package dev.skopos.render;

/**
 * A table column. {@code numeric} columns align right; {@code wide} columns take the space left
 * over when the terminal is wider than the data.
 */
public record Column(String name, boolean numeric, boolean wide) {

    public static Column text(String name) {
        return new Column(name, false, false);
    }

    public static Column wide(String name) {
        return new Column(name, false, true);
    }

    public static Column number(String name) {
        return new Column(name, true, false);
    }
}
