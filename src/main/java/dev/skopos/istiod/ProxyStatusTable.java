package dev.skopos.istiod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code istioctl proxy-status} as text, byte for byte: Go's text/tabwriter with padding 5, where
 * every cell but a line's last is padded to its column's widest cell plus 5 spaces.
 */
public final class ProxyStatusTable {

    private static final int PADDING = 5;

    private ProxyStatusTable() {
    }

    /** The default table: {@code NAME CLUSTER ISTIOD VERSION SUBSCRIBED TYPES}, rows by proxy id. */
    public static String render(List<ProxySync> syncs) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("NAME", "CLUSTER", "ISTIOD", "VERSION", "SUBSCRIBED TYPES"));
        for (ProxySync s : sorted(syncs)) {
            rows.add(List.of(s.proxyId(), s.clusterId(), s.istiod(), s.istioVersion(), subscribed(s)));
        }
        return tabwrite(rows);
    }

    /** {@code --verbosity 1}: one column per type any proxy reports, by short name, then ISTIOD and VERSION. */
    public static String renderVerbose(List<ProxySync> syncs) {
        TreeSet<String> typeNames = new TreeSet<>();
        syncs.forEach(s -> s.types().forEach(t -> typeNames.add(t.shortName())));
        List<String> header = new ArrayList<>(List.of("NAME", "CLUSTER"));
        header.addAll(typeNames);
        header.addAll(List.of("ISTIOD", "VERSION"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (ProxySync s : sorted(syncs)) {
            List<String> row = new ArrayList<>(List.of(s.proxyId(), s.clusterId()));
            for (String name : typeNames) {
                // A type the proxy does not report is one it never subscribed to.
                row.add(s.types().stream().filter(t -> t.shortName().equals(name)).findFirst()
                        .map(ProxyStatusTable::statusText).orElse(SyncState.IGNORED.label()));
            }
            row.add(s.istiod());
            row.add(s.istioVersion());
            rows.add(row);
        }
        return tabwrite(rows);
    }

    /** {@code 4 (CDS,LDS,EDS,RDS)}: the types the proxy subscribes to, or just {@code 0}. */
    static String subscribed(ProxySync s) {
        List<String> names = s.types().stream()
                .filter(t -> t.state() != SyncState.IGNORED)
                .map(TypeSync::shortName)
                .toList();
        return names.isEmpty() ? "0" : names.size() + " (" + String.join(",", names) + ")";
    }

    private static String statusText(TypeSync t) {
        return t.detail() != null ? t.detail() : t.state().label();
    }

    private static List<ProxySync> sorted(List<ProxySync> syncs) {
        return syncs.stream().sorted(Comparator.comparing(ProxySync::proxyId)).toList();
    }

    /**
     * The subset of tabwriter these tables need: every row has the same number of cells, so each
     * column forms one block. Widths count code points, as tabwriter counts runes.
     */
    private static String tabwrite(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                width[c] = Math.max(width[c], row.get(c).codePointCount(0, row.get(c).length()) + PADDING);
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                String cell = row.get(c);
                out.append(cell).append(" ".repeat(width[c] - cell.codePointCount(0, cell.length())));
            }
            out.append(row.get(columns - 1)).append('\n');
        }
        return out.toString();
    }
}
