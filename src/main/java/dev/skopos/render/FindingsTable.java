package dev.skopos.render;

import dev.skopos.analysis.Diagnostic;
import dev.skopos.analysis.Level;
import java.util.ArrayList;
import java.util.List;

/** Analysis findings: severity, code, the object, and the message istioctl would print. Row id = index. */
public final class FindingsTable {

    private FindingsTable() {
    }

    public static Table of(List<Diagnostic> findings) {
        List<Column> columns = List.of(
                Column.text("SEVERITY"),
                Column.text("CODE"),
                Column.text("RESOURCE").shrinks(2, 24),
                Column.wide("MESSAGE").shrinks(1, 30));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Diagnostic d = findings.get(i);
            String resource = d.resource() == null ? "(mesh)" : d.resource().display();
            List<Cell> cells = List.of(Cell.of(d.level().label(), tone(d.level())), Cell.of(d.code(), Tone.LABEL),
                    Cell.of(resource), Cell.of(d.message()));
            List<Comparable<?>> keys = List.of(-d.level().ordinal(), d.code(), resource, d.message());
            rows.add(new Row(Integer.toString(i), cells, keys, d.level() != Level.INFO));
        }
        return new Table(columns, rows);
    }

    public static Tone tone(Level level) {
        return switch (level) {
            case ERROR -> Tone.ERROR;
            case WARNING -> Tone.WARN;
            case INFO -> Tone.DIM;
        };
    }

    /** {@code 2 errors, 5 warnings}: the header badge and the landing view's summary. */
    public static String counts(List<Diagnostic> findings) {
        long errors = findings.stream().filter(d -> d.level() == Level.ERROR).count();
        long warnings = findings.stream().filter(d -> d.level() == Level.WARNING).count();
        long infos = findings.size() - errors - warnings;
        List<String> parts = new ArrayList<>();
        if (errors > 0) {
            parts.add(errors + (errors == 1 ? " error" : " errors"));
        }
        if (warnings > 0) {
            parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
        }
        if (infos > 0) {
            parts.add(infos + " info");
        }
        return parts.isEmpty() ? "no findings" : String.join(", ", parts);
    }
}
