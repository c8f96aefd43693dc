package dev.skopos.render;

import dev.skopos.mesh.Ages;
import dev.skopos.istiod.ProxySync;
import dev.skopos.istiod.SyncState;
import dev.skopos.mesh.Proxy;
import dev.skopos.mesh.ProxyKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The proxies view as a table: one row per Envoy proxy. */
public final class ProxiesTable {

    /** Shown for a proxy no istiod reports: it is not connected, which is itself a finding. */
    public static final String UNKNOWN_SYNC = "UNKNOWN";

    private ProxiesTable() {
    }

    /**
     * A CLUSTER column leads when the proxies come from several clusters (their pods name one);
     * with one cluster the table is as it always was.
     *
     * @param withNamespace false when the view is scoped to one namespace (k9s drops the column then)
     */
    public static Table of(List<Proxy> proxies, Instant now, boolean withNamespace) {
        boolean withCluster = proxies.stream().anyMatch(p -> !p.pod().cluster().isEmpty());
        List<Column> columns = new ArrayList<>();
        if (withCluster) {
            // Context names are long (gke_project_region_name) and differ at the end.
            columns.add(Column.text("CLUSTER").keepingEnd().shrinks(1, 8));
        }
        if (withNamespace) {
            columns.add(Column.text("NAMESPACE").shrinks(3, 12));
        }
        // Narrow terminals: the istiod name gives way first (its end tells replicas apart), then
        // the pod hash; VERSION and ISTIOD are dropped before anything an on-call engineer scans.
        columns.addAll(List.of(
                Column.wide("NAME").shrinks(2, 24),
                Column.text("READY").drops(5),
                Column.text("STATUS").shrinks(3, 9),
                Column.text("SYNC"),
                Column.text("ISTIOD").keepingEnd().shrinks(1, 10).drops(2),
                Column.text("VERSION").drops(1),
                Column.number("RESTARTS").drops(3),
                Column.number("AGE").drops(4)));
        List<Row> rows = new ArrayList<>();
        for (Proxy p : proxies) {
            rows.add(row(p, now, withCluster, withNamespace));
        }
        return new Table(columns, rows);
    }

    private static Row row(Proxy p, Instant now, boolean withCluster, boolean withNamespace) {
        List<Cell> cells = new ArrayList<>();
        List<Comparable<?>> keys = new ArrayList<>();
        if (withCluster) {
            cells.add(Cell.of(p.pod().cluster()));
            keys.add(p.pod().cluster());
        }
        if (withNamespace) {
            cells.add(Cell.of(p.pod().namespace()));
            keys.add(p.pod().namespace());
        }
        String name = p.pod().name();
        cells.add(Cell.of(name, p.kind() == ProxyKind.GATEWAY ? Tone.LABEL : Tone.NORMAL));
        keys.add(name);
        cells.add(Cell.of(p.ready(), p.allReady() ? Tone.NORMAL : Tone.WARN));
        keys.add(p.ready());
        cells.add(Cell.of(p.status(), statusTone(p.status())));
        keys.add(p.status());
        ProxySync sync = p.sync();
        SyncState state = sync == null ? null : sync.overall();
        cells.add(sync == null ? Cell.of(UNKNOWN_SYNC, Tone.WARN) : Cell.of(state.label(), syncTone(state)));
        keys.add(state == null ? Integer.MAX_VALUE : state.ordinal());
        String istiod = sync == null ? "-" : sync.istiod();
        cells.add(Cell.of(istiod, Tone.DIM));
        keys.add(istiod);
        cells.add(Cell.of(p.version()));
        keys.add(p.version() == null ? "" : p.version());
        cells.add(Cell.of(Integer.toString(p.restarts()), p.restarts() > 0 ? Tone.WARN : Tone.NORMAL));
        keys.add(p.restarts());
        cells.add(Cell.of(Ages.since(p.created(), now)));
        // Older first is "larger" AGE, as in k9s: sort by negated creation time.
        keys.add(p.created() == null ? Long.MIN_VALUE : -p.created().toEpochMilli());
        // name.namespace, prefixed cluster/ with several clusters: the same id may be in each.
        return new Row(p.pod().toString(), cells, keys, p.faulty());
    }

    static Tone statusTone(String status) {
        if ("Running".equals(status) || "Completed".equals(status)) {
            return Tone.NORMAL;
        }
        if ("Pending".equals(status) || "ContainerCreating".equals(status) || status.startsWith("Init:")
                || "PodInitializing".equals(status) || "Terminating".equals(status)) {
            return Tone.WARN;
        }
        return Tone.ERROR;
    }

    static Tone syncTone(SyncState state) {
        return switch (state) {
            case SYNCED -> Tone.OK;
            case IGNORED, NOT_SENT -> Tone.DIM;
            case STALE -> Tone.WARN;
            case ERROR -> Tone.ERROR;
        };
    }
}
