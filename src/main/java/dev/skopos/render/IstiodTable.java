package dev.skopos.render;

import dev.skopos.istiod.Histogram;
import dev.skopos.istiod.IstiodMetrics;
import dev.skopos.istiod.ReplicaLoad;
import dev.skopos.source.IstiodInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * istiod replicas side by side: how many proxies each serves (unbalanced load stands out), how
 * many pushes were rejected, and how long config takes to converge. Row ids are replica names.
 */
public final class IstiodTable {

    private IstiodTable() {
    }

    /**
     * @param metrics per replica name; a replica missing here could not be scraped
     * @param errors  per replica name, why its metrics are missing
     */
    public static Table of(List<IstiodInstance> replicas, Map<String, IstiodMetrics> metrics,
                           Map<String, String> errors, ReplicaLoad load) {
        List<Column> columns = List.of(
                Column.wide("NAME").shrinks(1, 16),
                Column.text("REVISION").drops(1),
                Column.text("VERSION"),
                Column.number("PROXIES"),
                Column.number("XDS REJECTS"),
                Column.number("PUSHES").drops(2),
                Column.number("CONVERGE p50").drops(3),
                Column.number("p99"),
                Column.text("METRICS").drops(4));
        List<Row> rows = new ArrayList<>();
        for (IstiodInstance i : replicas) {
            IstiodMetrics m = metrics.get(i.name());
            long proxies = load.replicas().stream().filter(r -> r.name().equals(i.name()))
                    .mapToLong(ReplicaLoad.Replica::proxies).findFirst().orElse(0);
            long rejects = m == null ? -1 : m.totalRejects();
            Histogram.Quantiles q = m == null || m.convergence() == null ? null : m.convergenceQuantiles();
            String version = m != null && m.version() != null ? m.version() : i.version();
            List<Cell> cells = List.of(
                    Cell.of(i.name()),
                    Cell.of(i.revision()),
                    Cell.of(version),
                    Cell.of(Long.toString(proxies), load.unbalanced() ? Tone.WARN : Tone.NORMAL),
                    Cell.of(rejects < 0 ? "-" : Long.toString(rejects), rejects > 0 ? Tone.ERROR : Tone.NORMAL),
                    Cell.of(m == null ? "-" : Long.toString(m.totalPushes())),
                    Cell.of(q == null ? "-" : seconds(q.p50())),
                    Cell.of(q == null ? "-" : seconds(q.p99()), q != null && q.p99() > 1 ? Tone.WARN : Tone.NORMAL),
                    Cell.of(m == null ? errors.getOrDefault(i.name(), "not scraped") : "ok",
                            m == null ? Tone.ERROR : Tone.DIM));
            List<Comparable<?>> keys = List.of(i.name(), i.revision(), version, proxies, rejects,
                    m == null ? -1L : m.totalPushes(), q == null ? -1.0 : q.p50(), q == null ? -1.0 : q.p99(),
                    cells.get(8).text());
            rows.add(new Row(i.name(), cells, keys, rejects > 0 || m == null));
        }
        return new Table(columns, rows);
    }

    /** Convergence times: milliseconds below a second, as istiod's dashboards show them. */
    static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "-";
        }
        return s < 1 ? Math.round(s * 1000) + "ms" : String.format(java.util.Locale.ROOT, "%.1fs", s);
    }
}
