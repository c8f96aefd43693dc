package dev.skopos.render.config;

import dev.skopos.envoy.config.EndpointConfig.Endpoint;
import dev.skopos.render.Cell;
import dev.skopos.render.Column;
import dev.skopos.render.Row;
import dev.skopos.render.Table;
import dev.skopos.render.Tone;
import java.util.ArrayList;
import java.util.List;

/** Endpoints as Envoy sees them right now ({@code /clusters}): health, outlier ejection, weight. */
public final class EndpointsTable {

    private EndpointsTable() {
    }

    public static Table of(List<Endpoint> endpoints) {
        List<Column> columns = List.of(
                Column.text("ENDPOINT").shrinks(2, 16),
                Column.text("STATUS"),
                Column.text("OUTLIER CHECK").drops(2),
                Column.number("WEIGHT").drops(1),
                Column.text("LOCALITY").shrinks(1, 8).drops(3),
                Column.wide("CLUSTER").shrinks(3, 20));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint e = endpoints.get(i);
            boolean healthy = "HEALTHY".equals(e.healthStatus());
            String outlier = e.failedOutlierCheck() ? "FAILED" : "OK";
            List<Cell> cells = List.of(
                    Cell.of(e.address().display()),
                    Cell.of(e.healthStatus(), healthy ? Tone.OK : Tone.ERROR),
                    Cell.of(outlier, e.failedOutlierCheck() ? Tone.ERROR : Tone.DIM),
                    Cell.of(Integer.toString(e.weight())),
                    Cell.of(e.locality().display()),
                    Cell.of(e.clusterName()));
            List<Comparable<?>> keys = List.of(e.address().display(), e.healthStatus(), outlier, e.weight(),
                    e.locality().display(), e.clusterName());
            rows.add(new Row(Integer.toString(i), cells, keys, !healthy || e.failedOutlierCheck()));
        }
        return new Table(columns, rows);
    }
}
