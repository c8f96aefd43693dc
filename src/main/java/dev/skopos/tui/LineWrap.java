package dev.skopos.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import dev.skopos.render.Span;
import dev.skopos.render.StyledLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Soft-wraps styled lines to a pane's width, measuring terminal columns, so a NACK message or a
 * long annotation is read whole instead of ending in an ellipsis. Continuations are indented by
 * the line's hanging indent.
 */
final class LineWrap {

    private LineWrap() {
    }

    static List<StyledLine> wrap(List<StyledLine> lines, int width) {
        List<StyledLine> out = new ArrayList<>();
        for (StyledLine line : lines) {
            wrapOne(line, width, out);
        }
        return out;
    }

    private static void wrapOne(StyledLine line, int width, List<StyledLine> out) {
        if (width < 10 || TerminalTextUtils.getColumnWidth(line.text()) <= width) {
            out.add(line);
            return;
        }
        int indent = Math.min(line.hangingIndent(), width / 2);
        List<Span> current = new ArrayList<>();
        int used = 0;
        for (Span span : line.spans()) {
            String rest = span.text();
            while (!rest.isEmpty()) {
                int room = width - used;
                String piece = TerminalTextUtils.fitString(rest, room);
                if (piece.length() < rest.length()) {
                    int space = piece.lastIndexOf(' ');
                    // Break at a space when one is reasonably close, else mid-word (URLs, ids).
                    if (space > piece.length() / 2) {
                        piece = piece.substring(0, space + 1);
                    }
                }
                if (piece.isEmpty()) {
                    out.add(new StyledLine(current));
                    current = new ArrayList<>(List.of(Span.of(" ".repeat(indent))));
                    used = indent;
                    continue;
                }
                current.add(new Span(piece, span.tone()));
                used += TerminalTextUtils.getColumnWidth(piece);
                rest = rest.substring(piece.length());
                if (!rest.isEmpty()) {
                    out.add(new StyledLine(current));
                    current = new ArrayList<>(List.of(Span.of(" ".repeat(indent))));
                    used = indent;
                    rest = rest.stripLeading();
                }
            }
        }
        if (!current.isEmpty()) {
            out.add(new StyledLine(current));
        }
    }
}
