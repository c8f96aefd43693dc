package dev.skopos.render;

import java.util.List;

/**
 * One table row.
 *
 * @param id         stable identity, so the selection survives refreshes and re-sorts
 * @param cells      one per column
 * @param sortKeys   one comparable per column (ages sort by time, restarts by number)
 * @param faulty     shown under the "faulty only" toggle
 */
public record Row(String id, List<Cell> cells, List<Comparable<?>> sortKeys, boolean faulty) {

    public Row {
        cells = List.copyOf(cells);
        sortKeys = List.copyOf(sortKeys);
    }

    /** All cell texts joined by spaces: what the filter regex is matched against. */
    public String searchText() {
        StringBuilder sb = new StringBuilder();
        for (Cell c : cells) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(c.text());
        }
        return sb.toString();
    }
}
