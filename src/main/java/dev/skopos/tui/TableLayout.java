package dev.skopos.tui;

import dev.skopos.render.Column;
import dev.skopos.render.Row;
import dev.skopos.render.Table;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Column widths for a table in a given width. Columns start as wide as their data; when that is
 * too wide they shrink in rank order to their minimum, then drop in rank order, then whatever is
 * left shrinks evenly. Spare room goes to the wide column. A width of 0 means dropped.
 */
final class TableLayout {

    static final int GAP = 2;

    private TableLayout() {
    }

    static int[] widths(Table table, int available) {
        List<Column> cols = table.columns();
        int n = cols.size();
        int[] w = new int[n];
        for (int c = 0; c < n; c++) {
            // +1 leaves room for the sort arrow next to the header.
            w[c] = Canvas.width(cols.get(c).name()) + 1;
            for (Row r : table.rows()) {
                w[c] = Math.max(w[c], Canvas.width(r.cells().get(c).text()));
            }
        }
        int[] natural = w.clone();
        int[] byShrink = order(cols, Column::shrinkRank);
        for (int c : byShrink) {
            int excess = total(w) - available;
            if (excess <= 0) {
                break;
            }
            int floor = Math.min(w[c], Math.max(cols.get(c).minWidth(), 3));
            w[c] -= Math.min(excess, w[c] - floor);
        }
        for (int c : order(cols, Column::dropRank)) {
            if (total(w) <= available) {
                break;
            }
            w[c] = 0;
        }
        while (total(w) > available) {
            int widest = IntStream.range(0, n).reduce((a, b) -> w[b] > w[a] ? b : a).orElse(0);
            if (w[widest] <= 1) {
                break;
            }
            w[widest]--;
        }
        // Dropping may have freed more than needed: give it back to shrunk columns in shrink order.
        for (int c : byShrink) {
            int spare = available - total(w);
            if (w[c] > 0 && spare > 0) {
                w[c] += Math.min(spare, natural[c] - w[c]);
            }
        }
        int spare = available - total(w);
        for (int c = 0; c < n && spare > 0; c++) {
            if (cols.get(c).wide() && w[c] > 0) {
                w[c] += spare;
                break;
            }
        }
        return w;
    }

    /** Column indexes with a positive rank, lowest rank first. */
    private static int[] order(List<Column> cols, java.util.function.ToIntFunction<Column> rank) {
        return IntStream.range(0, cols.size())
                .filter(c -> rank.applyAsInt(cols.get(c)) > 0)
                .boxed()
                .sorted(Comparator.comparingInt(c -> rank.applyAsInt(cols.get(c))))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static int total(int[] w) {
        int sum = 0;
        int count = 0;
        for (int width : w) {
            if (width > 0) {
                sum += width;
                count++;
            }
        }
        return sum + Math.max(0, count - 1) * GAP;
    }
}
