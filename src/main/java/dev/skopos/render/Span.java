package dev.skopos.render;

/** A run of text with one meaning. */
public record Span(String text, Tone tone) {

    public static Span of(String text) {
        return new Span(text, Tone.NORMAL);
    }
}
