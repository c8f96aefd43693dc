package dev.skopos.tui;

import dev.skopos.render.Row;
import dev.skopos.render.Table;

/** Column widths for a table in a given width: as wide as the data, shrinking the widest first. */
final class TableLayout {

    static final int GAP = 2;
    private static final int MIN = 3;

    private TableLayout() {
    }

    static int[] widths(Table table, int available) {
        int n = table.columns().size();
        int[] w = new int[n];
        for (int c = 0; c < n; c++) {
            w[c] = Canvas.width(table.columns().get(c).name()) + 1;
            for (Row r : table.rows()) {
                w[c] = Math.max(w[c], Canvas.width(r.cells().get(c).text()));
            }
        }
        int total = total(w);
        while (total > available) {
            int widest = 0;
            for (int c = 1; c < n; c++) {
                if (w[c] > w[widest]) {
                    widest = c;
                }
            }
            if (w[widest] <= MIN) {
                // Nothing left to shrink: drop columns from the right.
                for (int c = n - 1; c >= 0 && total > available; c--) {
                    if (w[c] > 0) {
                        w[c] = 0;
                        total = total(w);
                    }
                }
                break;
            }
            w[widest]--;
            total--;
        }
        if (total < available) {
            // Give the spare room to the wide column (NAME) so the table spans the box.
            for (int c = 0; c < n; c++) {
                if (table.columns().get(c).wide()) {
                    w[c] += available - total;
                    break;
                }
            }
        }
        return w;
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
