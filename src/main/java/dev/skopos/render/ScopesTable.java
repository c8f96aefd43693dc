package dev.skopos.render;

import dev.skopos.istiod.ControlzScopes;
import java.util.ArrayList;
import java.util.List;

/** istiod's log scopes (ControlZ), with the ones skopos changed marked so nobody forgets them. */
public final class ScopesTable {

    private ScopesTable() {
    }

    /** @param changed scope names skopos changed this session (they revert on exit) */
    public static Table of(List<ControlzScopes.Scope> scopes, java.util.Set<String> changed) {
        List<Column> columns = List.of(Column.text("SCOPE"), Column.text("LEVEL"), Column.text("STACK TRACE").drops(1),
                Column.text("CHANGED").drops(2), Column.wide("DESCRIPTION").shrinks(1, 10));
        List<Row> rows = new ArrayList<>();
        for (ControlzScopes.Scope s : scopes) {
            boolean mine = changed.contains(s.name());
            Tone level = switch (s.outputLevel()) {
                case "debug" -> Tone.WARN;
                case "none" -> Tone.DIM;
                default -> Tone.NORMAL;
            };
            List<Cell> cells = List.of(Cell.of(s.name()), Cell.of(s.outputLevel(), level), Cell.of(s.stackTraceLevel()),
                    Cell.of(mine ? "reverts on exit" : "", Tone.WARN), Cell.of(s.description(), Tone.DIM));
            rows.add(new Row(s.name(), cells, List.of(s.name(), s.outputLevel(), s.stackTraceLevel(),
                    mine ? 0 : 1, s.description()), mine));
        }
        return new Table(columns, rows);
    }
}
