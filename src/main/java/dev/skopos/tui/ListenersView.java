package dev.skopos.tui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.config.Action;
import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.envoy.config.ListenerConfig;
import dev.skopos.envoy.config.ListenerConfig.FilterChain;
import dev.skopos.envoy.config.ListenerConfig.NetworkFilter;
import dev.skopos.render.Row;
import dev.skopos.render.Table;
import dev.skopos.render.config.ListenersTable;
import dev.skopos.render.istioctl.ListenerTable;
import dev.skopos.source.PodRef;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Listeners of one proxy, a row per filter chain; Enter follows the chain to its route or cluster. */
final class ListenersView extends ConfigView<ConfigDump> {

    private final ListenerTable.Filter filter;
    private List<ListenerConfig> shown = List.of();

    ListenersView(PodRef pod, ConfigFilters filters) {
        super(pod, "listeners", filters.label().isEmpty() ? null : filters.label());
        this.filter = new ListenerTable.Filter(filters.get("address"), filters.port(), filters.get("type"));
    }

    @Override
    CompletableFuture<ConfigDump> fetch(Shell shell, boolean reload) {
        return shell.envoyConfigs().dump(pod, reload);
    }

    @Override
    Table table(ConfigDump dump, Instant now) {
        shown = dump.listeners().stream().filter(filter::matches).toList();
        return ListenersTable.of(shown);
    }

    private ListenerConfig listener(Row row) {
        return shown.get(Integer.parseInt(row.id().substring(0, row.id().indexOf('/'))));
    }

    private FilterChain chain(Row row) {
        int c = Integer.parseInt(row.id().substring(row.id().indexOf('/') + 1));
        return c < 0 ? null : listener(row).filterChains().get(c);
    }

    @Override
    JsonNode raw(ConfigDump dump, Row row) {
        return listener(row).raw();
    }

    @Override
    Set<Action> extraActions() {
        return EnumSet.of(Action.DRILL);
    }

    @Override
    public String hint(Action action) {
        return action == Action.DRILL ? "route/cluster" : super.hint(action);
    }

    @Override
    View drill(ConfigDump dump, Row row) {
        FilterChain chain = chain(row);
        if (chain == null) {
            return null;
        }
        for (NetworkFilter f : chain.filters()) {
            if (f.kind() == NetworkFilter.Kind.HTTP && !f.httpConnectionManager().rdsRouteConfigName().isEmpty()) {
                return new RoutesView(pod, f.httpConnectionManager().rdsRouteConfigName());
            }
            if (f.kind() == NetworkFilter.Kind.TCP) {
                List<String> clusters = !f.tcpProxy().cluster().isEmpty() ? List.of(f.tcpProxy().cluster())
                        : f.tcpProxy().weightedClusters().stream().map(w -> w.name()).toList();
                if (!clusters.isEmpty()) {
                    return new ClustersView(pod, ConfigFilters.NONE, clusters);
                }
            }
        }
        return null;
    }
}
