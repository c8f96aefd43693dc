package dev.skopos.tui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.config.Action;
import dev.skopos.envoy.config.ClusterConfig;
import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.render.Row;
import dev.skopos.render.Table;
import dev.skopos.render.config.ClustersTable;
import dev.skopos.render.istioctl.ClusterTable;
import dev.skopos.source.PodRef;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Clusters of one proxy, with the DestinationRule that won each; Enter shows its endpoints. */
final class ClustersView extends ConfigView<ConfigDump> {

    private final ClusterTable.Filter filter;
    private final List<String> names;
    private List<ClusterConfig> shown = List.of();

    /** @param names the clusters a drill-down leads to, or null for all (subject to the filters) */
    ClustersView(PodRef pod, ConfigFilters filters, List<String> names) {
        super(pod, "clusters", names != null ? focus(names) : filters.label().isEmpty() ? null : filters.label());
        this.filter = new ClusterTable.Filter(filters.get("fqdn"), filters.port(), filters.get("subset"),
                filters.get("direction"));
        this.names = names;
    }

    private static String focus(List<String> names) {
        return names.size() == 1 ? names.get(0) : names.size() + " clusters";
    }

    @Override
    CompletableFuture<ConfigDump> fetch(Shell shell, boolean reload) {
        return shell.envoyConfigs().dump(pod, reload);
    }

    @Override
    Table table(ConfigDump dump, Instant now) {
        shown = dump.clusters().stream()
                .filter(c -> names == null || names.contains(c.name()))
                .filter(filter::matches)
                .toList();
        return ClustersTable.of(shown, dump.endpoints());
    }

    private ClusterConfig cluster(Row row) {
        return shown.get(Integer.parseInt(row.id()));
    }

    @Override
    JsonNode raw(ConfigDump dump, Row row) {
        return cluster(row).raw();
    }

    @Override
    String istioConfig(ConfigDump dump, Row row) {
        return cluster(row).destinationRule();
    }

    @Override
    public boolean handle(Action action, Shell shell) {
        Row row = selectedRow();
        if (action == Action.ISTIO_SOURCE && row != null && loaded() && cluster(row).destinationRule().isEmpty()) {
            IstioObjects.openService(shell, cluster(row).raw(), pod);
            return true;
        }
        return super.handle(action, shell);
    }

    @Override
    Set<Action> extraActions() {
        return EnumSet.of(Action.DRILL);
    }

    @Override
    public String hint(Action action) {
        return action == Action.DRILL ? "endpoints" : action == Action.ISTIO_SOURCE ? "destinationrule" : super.hint(action);
    }

    @Override
    View drill(ConfigDump dump, Row row) {
        return new EndpointsView(pod, new ConfigFilters(null, java.util.Map.of("cluster", cluster(row).name())));
    }
}
