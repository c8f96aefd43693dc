package dev.skopos.render.config;

import dev.skopos.envoy.config.ListenerConfig;
import dev.skopos.envoy.config.ListenerConfig.FilterChain;
import dev.skopos.envoy.config.ListenerConfig.NetworkFilter;
import dev.skopos.render.Cell;
import dev.skopos.render.Column;
import dev.skopos.render.Row;
import dev.skopos.render.Table;
import dev.skopos.render.Tone;
import java.util.ArrayList;
import java.util.List;

/**
 * Listeners, one row per filter chain as istioctl prints them, plus what istioctl leaves to jq:
 * whether the chain is HTTP or a TCP proxy, and whether the listener is still warming. Row ids are
 * {@code listenerIndex/chainIndex}, so views can find the objects behind a row.
 */
public final class ListenersTable {

    private ListenersTable() {
    }

    public static Table of(List<ListenerConfig> listeners) {
        List<Column> columns = List.of(
                // The name is usually ADDRESS_PORT again: the first thing to go when narrow.
                Column.text("NAME").shrinks(2, 14).drops(1),
                Column.text("ADDRESSES").shrinks(3, 15),
                Column.number("PORT"),
                Column.text("TYPE"),
                Column.text("MATCH").shrinks(1, 10),
                Column.wide("DESTINATION").shrinks(4, 24),
                Column.text("STATE").drops(2));

        List<Row> rows = new ArrayList<>();
        for (int l = 0; l < listeners.size(); l++) {
            ListenerConfig listener = listeners.get(l);
            List<FilterChain> chains = listener.filterChains();
            if (chains.isEmpty()) {
                rows.add(row(l, -1, listener, null));
            }
            for (int c = 0; c < chains.size(); c++) {
                rows.add(row(l, c, listener, chains.get(c)));
            }
        }
        return new Table(columns, rows);
    }

    private static Row row(int l, int c, ListenerConfig listener, FilterChain chain) {
        String type = chain == null ? "-" : chainType(chain);
        String state = listener.state().name();
        Tone stateTone = switch (listener.state()) {
            case WARMING, DRAINING -> Tone.WARN;
            case STATIC -> Tone.DIM;
            case ACTIVE -> Tone.NORMAL;
        };
        String addresses = listener.address().address();
        if (!listener.additionalAddresses().isEmpty()) {
            addresses += "," + String.join(",", listener.additionalAddresses().stream().map(a -> a.address()).toList());
        }
        List<Cell> cells = List.of(
                Cell.of(listener.name()),
                Cell.of(addresses),
                Cell.of(Integer.toString(listener.port())),
                Cell.of(type, "TCP".equals(type) ? Tone.WARN : Tone.NORMAL),
                Cell.of(chain == null ? "-" : ChainText.match(chain)),
                Cell.of(chain == null ? "-" : ChainText.destination(chain)),
                Cell.of(state, stateTone));
        List<Comparable<?>> keys = List.of(listener.name(), addresses, listener.port(), type,
                cells.get(4).text(), cells.get(5).text(), state);
        return new Row(l + "/" + c, cells, keys, listener.state() == ListenerConfig.State.WARMING);
    }

    /** HTTP, TCP or HTTP+TCP for one chain (the listener-level type is ListenerConfig.type()). */
    static String chainType(FilterChain chain) {
        boolean http = false;
        boolean tcp = false;
        for (NetworkFilter f : chain.filters()) {
            http |= f.kind() == NetworkFilter.Kind.HTTP;
            tcp |= f.kind() == NetworkFilter.Kind.TCP;
        }
        return http && tcp ? "HTTP+TCP" : http ? "HTTP" : tcp ? "TCP" : "-";
    }
}
