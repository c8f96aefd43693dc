package dev.skopos.render;

/** One table cell: its text and its meaning. */
public record Cell(String text, Tone tone) {

    public static Cell of(String text) {
        return new Cell(text == null || text.isEmpty() ? "-" : text, Tone.NORMAL);
    }

    public static Cell of(String text, Tone tone) {
        return new Cell(text == null || text.isEmpty() ? "-" : text, tone);
    }
}
