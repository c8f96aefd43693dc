package dev.skopos.tui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.envoy.config.ClusterStatus;
import dev.skopos.envoy.config.EndpointConfig.Endpoint;
import dev.skopos.render.Row;
import dev.skopos.render.Table;
import dev.skopos.render.config.EndpointsTable;
import dev.skopos.render.istioctl.EndpointTable;
import dev.skopos.source.PodRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Endpoints of one proxy as Envoy sees them now ({@code /clusters}: health, outlier ejection),
 * all of them or one cluster's after a drill.
 */
final class EndpointsView extends ConfigView<List<ClusterStatus>> {

    private final EndpointTable.Filter filter;
    private List<Endpoint> shown = List.of();
    private List<ClusterStatus> owners = List.of();

    EndpointsView(PodRef pod, ConfigFilters filters) {
        super(pod, "endpoints", filters.label().isEmpty() ? null
                : filters.flags().size() == 1 && !filters.get("cluster").isEmpty() ? filters.get("cluster") : filters.label());
        this.filter = new EndpointTable.Filter(filters.get("address"), filters.port(), filters.get("cluster"),
                filters.get("status"));
    }

    @Override
    CompletableFuture<List<ClusterStatus>> fetch(Shell shell, boolean reload) {
        return shell.envoyConfigs().clusters(pod, reload);
    }

    @Override
    Table table(List<ClusterStatus> clusters, Instant now) {
        List<Endpoint> endpoints = new ArrayList<>();
        List<ClusterStatus> from = new ArrayList<>();
        for (ClusterStatus c : clusters) {
            for (Endpoint e : c.hosts()) {
                if (filter.matchesHost(e)) {
                    endpoints.add(e);
                    from.add(c);
                }
            }
        }
        shown = endpoints;
        owners = from;
        return EndpointsTable.of(endpoints);
    }

    @Override
    JsonNode raw(List<ClusterStatus> clusters, Row row) {
        return owners.get(Integer.parseInt(row.id())).raw();
    }
}
