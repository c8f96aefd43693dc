package dev.skopos.tui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.config.Action;
import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.envoy.config.RouteConfig;
import dev.skopos.envoy.config.RouteConfig.Route;
import dev.skopos.envoy.config.RouteConfig.RouteAction;
import dev.skopos.render.Row;
import dev.skopos.render.Table;
import dev.skopos.render.config.RoutesTable;
import dev.skopos.source.PodRef;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Routes of one proxy (all, or one route config after a drill from a listener). */
final class RoutesView extends ConfigView<ConfigDump> {

    private final String routeName;
    private List<RouteConfig> shown = List.of();

    RoutesView(PodRef pod, String routeName) {
        super(pod, "routes", routeName);
        this.routeName = routeName;
    }

    @Override
    CompletableFuture<ConfigDump> fetch(Shell shell, boolean reload) {
        return shell.envoyConfigs().dump(pod, reload);
    }

    @Override
    Table table(ConfigDump dump, Instant now) {
        shown = dump.routes().stream().filter(r -> routeName == null || r.name().equals(routeName)).toList();
        return RoutesTable.of(shown);
    }

    private RouteConfig config(Row row) {
        return shown.get(Integer.parseInt(row.id().split("/")[0]));
    }

    private Route route(Row row) {
        String[] ids = row.id().split("/");
        if (ids[2].equals("-")) {
            return null;
        }
        return config(row).virtualHosts().get(Integer.parseInt(ids[1])).routes().get(Integer.parseInt(ids[2]));
    }

    @Override
    JsonNode raw(ConfigDump dump, Row row) {
        return config(row).raw();
    }

    @Override
    String istioConfig(ConfigDump dump, Row row) {
        Route route = route(row);
        return route == null ? "" : route.configPath();
    }

    @Override
    Set<Action> extraActions() {
        return EnumSet.of(Action.DRILL);
    }

    @Override
    public String hint(Action action) {
        return action == Action.DRILL ? "clusters" : action == Action.ISTIO_SOURCE ? "virtualservice" : super.hint(action);
    }

    @Override
    View drill(ConfigDump dump, Row row) {
        Route route = route(row);
        if (route == null) {
            return null;
        }
        RouteAction action = route.action();
        List<String> clusters = switch (action.kind()) {
            case CLUSTER -> List.of(action.cluster());
            case WEIGHTED -> action.weightedClusters().stream().map(RouteConfig.WeightedCluster::name).toList();
            default -> List.of();
        };
        return clusters.isEmpty() ? null : new ClustersView(pod, ConfigFilters.NONE, clusters);
    }
}
