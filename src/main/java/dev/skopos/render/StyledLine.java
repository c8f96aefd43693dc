package dev.skopos.render;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a text pane, made of spans.
 *
 * @param hangingIndent columns to indent the continuation when a pane wraps the line (so wrapped
 *                      values stay under their value column, not under the label)
 */
public record StyledLine(List<Span> spans, int hangingIndent) {

    public StyledLine {
        spans = List.copyOf(spans);
    }

    public StyledLine(List<Span> spans) {
        this(spans, 0);
    }

    public StyledLine withHangingIndent(int columns) {
        return new StyledLine(spans, columns);
    }

    public static StyledLine plain(String text) {
        return new StyledLine(List.of(Span.of(text)));
    }

    public static StyledLine of(Span... spans) {
        return new StyledLine(List.of(spans));
    }

    public static final StyledLine EMPTY = new StyledLine(List.of());

    public String text() {
        StringBuilder sb = new StringBuilder();
        spans.forEach(s -> sb.append(s.text()));
        return sb.toString();
    }

    /** Builds a line span by span; handy for label/value layouts. */
    public static final class Builder {
        private final List<Span> spans = new ArrayList<>();

        public Builder add(String text, Tone tone) {
            if (!text.isEmpty()) {
                spans.add(new Span(text, tone));
            }
            return this;
        }

        public Builder add(String text) {
            return add(text, Tone.NORMAL);
        }

        public StyledLine build() {
            return new StyledLine(spans);
        }
    }
}
