package dev.skopos.render.config;

import dev.skopos.envoy.config.RouteConfig;
import dev.skopos.envoy.config.RouteConfig.Route;
import dev.skopos.envoy.config.RouteConfig.RouteAction;
import dev.skopos.envoy.config.RouteConfig.RouteMatch;
import dev.skopos.mesh.IstioConfigRef;
import dev.skopos.render.Cell;
import dev.skopos.render.Column;
import dev.skopos.render.Row;
import dev.skopos.render.Table;
import dev.skopos.render.Tone;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes, one row per route of each virtual host, with where the traffic goes spelled out:
 * {@code single 90% multiple 10%} for weighted clusters, which is what a 90/10 VirtualService
 * must produce on every client. Row ids are {@code config/vhost/route} indexes.
 */
public final class RoutesTable {

    private RoutesTable() {
    }

    public static Table of(List<RouteConfig> configs) {
        List<Column> columns = List.of(
                Column.text("NAME"),
                Column.text("VHOST").shrinks(1, 20),
                Column.text("DOMAINS").shrinks(2, 16).drops(2),
                Column.text("MATCH").shrinks(5, 10),
                Column.wide("ACTION").shrinks(4, 30),
                Column.text("VIRTUAL SERVICE").shrinks(3, 16).drops(1));
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < configs.size(); c++) {
            RouteConfig config = configs.get(c);
            for (int v = 0; v < config.virtualHosts().size(); v++) {
                RouteConfig.VirtualHost vh = config.virtualHosts().get(v);
                if (vh.routes().isEmpty()) {
                    rows.add(row(c + "/" + v + "/-", config, vh, null));
                }
                for (int r = 0; r < vh.routes().size(); r++) {
                    rows.add(row(c + "/" + v + "/" + r, config, vh, vh.routes().get(r)));
                }
            }
        }
        return new Table(columns, rows);
    }

    private static Row row(String id, RouteConfig config, RouteConfig.VirtualHost vh, Route route) {
        String domains = domains(vh.domains());
        String match = route == null ? "-" : matchText(route.match());
        String action = route == null ? "-" : actionText(route.action());
        String vs = route == null ? "" : IstioConfigRef.parse(route.configPath())
                .map(ref -> ref.name() + "." + ref.namespace()).orElse("");
        boolean weighted = route != null && route.action().kind() == RouteAction.Kind.WEIGHTED;
        List<Cell> cells = List.of(Cell.of(config.name()), Cell.of(vh.name()), Cell.of(domains), Cell.of(match),
                Cell.of(action, weighted ? Tone.LABEL : Tone.NORMAL), Cell.of(vs));
        List<Comparable<?>> keys = List.of(config.name(), vh.name(), domains, match, action, vs);
        return new Row(id, cells, keys, false);
    }

    /** istioctl's rule: drop {@code host:port} twins of listed hosts, show two, then "+ N more...". */
    static String domains(List<String> all) {
        List<String> kept = new ArrayList<>();
        for (String d : all) {
            int colon = d.lastIndexOf(':');
            boolean twin = colon > 0 && !d.startsWith("[") && all.contains(d.substring(0, colon));
            if (!twin) {
                kept.add(d);
            }
        }
        if (kept.size() <= 2) {
            return String.join(", ", kept);
        }
        return kept.get(0) + ", " + kept.get(1) + " + " + (kept.size() - 2) + " more...";
    }

    static String matchText(RouteMatch m) {
        String path;
        if (!m.prefix().isEmpty()) {
            path = m.prefix() + "*";
        } else if (!m.path().isEmpty()) {
            path = m.path();
        } else if (!m.safeRegex().isEmpty()) {
            path = "regex " + m.safeRegex();
        } else if (!m.pathSeparatedPrefix().isEmpty()) {
            path = "PathPrefix:" + m.pathSeparatedPrefix();
        } else if (!m.pathMatchPolicy().isEmpty()) {
            path = m.pathMatchPolicy();
        } else {
            path = "/*";
        }
        if (!m.headers().isEmpty()) {
            path += " (" + String.join(", ", m.headers().stream()
                    .map(h -> (h.invert() ? "!" : "") + h.name() + " " + h.matcher()).toList()) + ")";
        }
        return path;
    }

    /** Where matched traffic goes, weights in percent of their total. */
    public static String actionText(RouteAction a) {
        return switch (a.kind()) {
            case CLUSTER -> a.cluster();
            case WEIGHTED -> {
                int total = a.weightedClusters().stream().mapToInt(RouteConfig.WeightedCluster::weight).sum();
                List<String> parts = new ArrayList<>();
                for (RouteConfig.WeightedCluster w : a.weightedClusters()) {
                    long pct = total == 0 ? 0 : Math.round(100.0 * w.weight() / total);
                    parts.add(w.name() + " " + pct + "%");
                }
                yield String.join("  ", parts);
            }
            case CLUSTER_HEADER -> "cluster from header " + a.clusterHeader();
            case REDIRECT -> "redirect " + a.redirect();
            case DIRECT_RESPONSE -> "direct response " + a.directStatus();
            case OTHER -> "-";
        };
    }
}
