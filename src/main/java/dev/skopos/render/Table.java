package dev.skopos.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Columns and rows, plus the pure operations views apply to them: sort and filter. */
public record Table(List<Column> columns, List<Row> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Stable sort by one column; ties keep the source order (namespace, name). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Table sorted(String column, boolean descending) {
        int index = columnIndex(column);
        if (index < 0) {
            return this;
        }
        Comparator<Row> byKey = (a, b) -> {
            Comparable ka = a.sortKeys().get(index);
            Comparable kb = b.sortKeys().get(index);
            if (ka == null || kb == null) {
                return ka == null ? (kb == null ? 0 : 1) : -1;
            }
            return ka.compareTo(kb);
        };
        List<Row> copy = new ArrayList<>(rows);
        copy.sort(descending ? byKey.reversed() : byKey);
        return new Table(columns, copy);
    }

    public Table filtered(RowFilter filter, boolean faultyOnly) {
        List<Row> kept = rows.stream()
                .filter(r -> !faultyOnly || r.faulty())
                .filter(filter::matches)
                .toList();
        return new Table(columns, kept);
    }
}
