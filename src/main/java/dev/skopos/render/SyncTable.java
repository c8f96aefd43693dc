package dev.skopos.render;

import dev.skopos.mesh.Ages;
import dev.skopos.istiod.ProxySync;
import dev.skopos.istiod.SyncState;
import dev.skopos.istiod.TypeSync;
import dev.skopos.mesh.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * xDS sync per proxy and per subscribed type: state, how long since Envoy last acknowledged,
 * and the NACK text. Rejected and stale rows come first, because that is what the view is for.
 * Row ids are {@code proxy|typeUrl}, the proxy as {@code name.namespace} (prefixed {@code cluster/}
 * when several clusters are watched, which the PROXY column then shows too).
 */
public final class SyncTable {

    private SyncTable() {
    }

    public static Table of(List<Proxy> proxies, Instant now) {
        List<Column> columns = List.of(
                Column.text("PROXY").shrinks(3, 30),
                Column.text("ISTIOD").keepingEnd().shrinks(2, 10).drops(1),
                Column.text("TYPE"),
                Column.text("STATUS"),
                Column.number("LAST ACK"),
                // The full error is shown under the table; here it only has to be recognisable.
                Column.wide("ERROR").shrinks(1, 20));
        record Entry(Proxy proxy, TypeSync type) {}
        List<Entry> entries = new ArrayList<>();
        List<Row> unknown = new ArrayList<>();
        for (Proxy p : proxies) {
            ProxySync sync = p.sync();
            if (sync == null) {
                String id = p.pod().toString();
                unknown.add(new Row(id + "|", List.of(Cell.of(id), Cell.of("-"),
                        Cell.of("-"), Cell.of(ProxiesTable.UNKNOWN_SYNC, Tone.WARN), Cell.of("-"),
                        Cell.of("no istiod reports this proxy", Tone.WARN)),
                        List.of(id, "", "", "", Long.MAX_VALUE, ""), true));
                continue;
            }
            for (TypeSync t : sync.types()) {
                entries.add(new Entry(p, t));
            }
        }
        // Rejected, then stale; the rest by proxy, types in their subscribed order (a stable sort).
        entries.sort(Comparator.comparingInt((Entry e) -> urgency(e.type().state()))
                .thenComparing(e -> e.proxy().pod()));
        List<Row> rows = new ArrayList<>();
        for (Entry e : entries) {
            rows.add(row(e.proxy(), e.type(), now));
        }
        rows.addAll(unknown);
        return new Table(columns, rows);
    }

    private static int urgency(SyncState state) {
        return switch (state) {
            case ERROR -> 0;
            case STALE -> 1;
            default -> 2;
        };
    }

    private static Row row(Proxy p, TypeSync t, Instant now) {
        String id = p.pod().toString();
        Duration since = t.lastUpdated() == null ? null : Duration.between(t.lastUpdated(), now);
        String age = since == null ? "-" : Ages.human(since);
        String status = t.detail() != null ? t.detail() : t.state().label();
        String error = t.errorDetails() == null ? "" : t.errorDetails().replaceAll("\\s*\\R\\s*", " ");
        List<Cell> cells = List.of(Cell.of(id), Cell.of(p.sync().istiod(), Tone.DIM), Cell.of(t.shortName()),
                Cell.of(status, ProxiesTable.syncTone(t.state())),
                Cell.of(age, t.state() == SyncState.STALE ? Tone.WARN : Tone.NORMAL),
                Cell.of(error, Tone.ERROR));
        List<Comparable<?>> keys = List.of(id, p.sync().istiod(), t.shortName(), t.state().ordinal(),
                since == null ? Long.MAX_VALUE : since.getSeconds(), error);
        return new Row(id + "|" + t.typeUrl(), cells, keys, t.state().faulty());
    }
}
