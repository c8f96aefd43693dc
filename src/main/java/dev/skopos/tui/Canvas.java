package dev.skopos.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.Symbols;
import dev.skopos.render.Span;
import dev.skopos.render.StyledLine;
import java.util.List;

/**
 * Themed drawing on a screen: text clipped to a width measured in terminal columns (CJK and
 * emoji count double, via TerminalTextUtils), filled bars and boxes.
 */
final class Canvas {

    private final TextGraphics g;
    private final Palette palette;

    Canvas(TextGraphics g, Palette palette) {
        this.g = g;
        this.palette = palette;
    }

    private void use(String slot) {
        Palette.Look look = palette.look(slot);
        g.setForegroundColor(look.fg());
        g.setBackgroundColor(look.bg());
        g.clearModifiers();
        if (!look.sgr().isEmpty()) {
            g.enableModifiers(look.sgr().toArray(new com.googlecode.lanterna.SGR[0]));
        }
    }

    /** Draws text from (x, y), never past {@code maxWidth} columns; returns the columns used. */
    int text(int x, int y, int maxWidth, String text, String slot) {
        if (maxWidth <= 0 || text.isEmpty()) {
            return 0;
        }
        String fitted = fit(text, maxWidth);
        use(slot);
        g.putString(x, y, fitted);
        return TerminalTextUtils.getColumnWidth(fitted);
    }

    /** Fills {@code width} columns with spaces in the slot's background. */
    void fill(int x, int y, int width, String slot) {
        if (width <= 0) {
            return;
        }
        use(slot);
        g.drawLine(x, y, x + width - 1, y, ' ');
    }

    /** Draws spans left to right; returns the columns used. */
    int line(int x, int y, int maxWidth, StyledLine line, String baseSlot) {
        int used = 0;
        for (Span span : line.spans()) {
            if (used >= maxWidth) {
                break;
            }
            String slot = span.tone() == dev.skopos.render.Tone.NORMAL ? baseSlot : Palette.slot(span.tone());
            used += text(x + used, y, maxWidth - used, span.text(), slot);
        }
        return used;
    }

    /** A single-line box with a title centred in the top edge, k9s style. */
    void box(Rect r, List<TitlePart> title) {
        if (r.width() < 2 || r.height() < 2) {
            return;
        }
        use("border");
        g.setCharacter(r.x(), r.y(), Symbols.SINGLE_LINE_TOP_LEFT_CORNER);
        g.setCharacter(r.right(), r.y(), Symbols.SINGLE_LINE_TOP_RIGHT_CORNER);
        g.setCharacter(r.x(), r.bottom(), Symbols.SINGLE_LINE_BOTTOM_LEFT_CORNER);
        g.setCharacter(r.right(), r.bottom(), Symbols.SINGLE_LINE_BOTTOM_RIGHT_CORNER);
        g.drawLine(r.x() + 1, r.y(), r.right() - 1, r.y(), Symbols.SINGLE_LINE_HORIZONTAL);
        g.drawLine(r.x() + 1, r.bottom(), r.right() - 1, r.bottom(), Symbols.SINGLE_LINE_HORIZONTAL);
        g.drawLine(r.x(), r.y() + 1, r.x(), r.bottom() - 1, Symbols.SINGLE_LINE_VERTICAL);
        g.drawLine(r.right(), r.y() + 1, r.right(), r.bottom() - 1, Symbols.SINGLE_LINE_VERTICAL);
        int titleWidth = title.stream().mapToInt(p -> TerminalTextUtils.getColumnWidth(p.text())).sum();
        int room = r.width() - 4;
        int x = r.x() + 2 + Math.max(0, (room - titleWidth) / 2);
        int left = room;
        for (TitlePart part : title) {
            int used = text(x, r.y(), left, part.text(), part.slot());
            x += used;
            left -= used;
        }
    }

    /** A piece of a box title with its own look. */
    record TitlePart(String text, String slot) {}

    /** Cuts text to a column width, marking the cut with an ellipsis. */
    static String fit(String text, int width) {
        if (TerminalTextUtils.getColumnWidth(text) <= width) {
            return text;
        }
        if (width <= 1) {
            return width == 1 ? "…" : "";
        }
        String cut = TerminalTextUtils.fitString(text, width - 1);
        return cut + "…";
    }

    /** Cuts text to a column width from the left, keeping the end ({@code …d5-kx2vq}). */
    static String fitEnd(String text, int width) {
        if (TerminalTextUtils.getColumnWidth(text) <= width) {
            return text;
        }
        if (width <= 1) {
            return width == 1 ? "…" : "";
        }
        int start = text.length();
        while (start > 0 && TerminalTextUtils.getColumnWidth(text.substring(start - 1)) <= width - 1) {
            start--;
        }
        return "…" + text.substring(start);
    }

    static int width(String text) {
        return TerminalTextUtils.getColumnWidth(text);
    }
}
