package dev.skopos.render.istioctl;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} with a space pad character and no flags, which is what istioctl
 * uses: cells are tab-terminated, the text after a line's last tab is not part of any column, and
 * a column's width is set per block of consecutive lines that have a cell in it (its widest cell
 * plus the padding). Widths count code points, as tabwriter counts runes.
 */
public final class TabWriter {

    private final int padding;
    private final List<String[]> lines = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    public TabWriter(int padding) {
        this.padding = padding;
    }

    /** One line; {@code \t} separates cells. No newline inside. */
    public TabWriter line(String text) {
        lines.add(text.split("\t", -1));
        return this;
    }

    /** A line of cells joined by tabs. */
    public TabWriter row(String... cells) {
        return line(String.join("\t", cells));
    }

    public TabWriter row(List<String> cells) {
        return line(String.join("\t", cells));
    }

    /** Everything written so far, laid out, each line ending in a newline. */
    public String flush() {
        out.setLength(0);
        widths.clear();
        format(0, lines.size());
        return out.toString();
    }

    private void format(int line0, int line1) {
        int column = widths.size();
        for (int i = line0; i < line1; i++) {
            if (column >= lines.get(i).length - 1) {
                continue;
            }
            // This line has a cell in this column: the lines before it are done; a block starts here.
            writeLines(line0, i);
            line0 = i;
            int width = 0;
            for (; i < line1; i++) {
                String[] cells = lines.get(i);
                if (column >= cells.length - 1) {
                    break;
                }
                width = Math.max(width, runes(cells[column]) + padding);
            }
            widths.add(width);
            format(line0, i);
            widths.remove(widths.size() - 1);
            line0 = i;
            i--; // the loop's i++ must not skip the line that ended the block
        }
        writeLines(line0, line1);
    }

    private void writeLines(int line0, int line1) {
        for (int i = line0; i < line1; i++) {
            String[] cells = lines.get(i);
            for (int j = 0; j < cells.length; j++) {
                out.append(cells[j]);
                if (j < widths.size()) {
                    out.append(" ".repeat(Math.max(0, widths.get(j) - runes(cells[j]))));
                }
            }
            out.append('\n');
        }
    }

    private static int runes(String s) {
        return s.codePointCount(0, s.length());
    }
}
