package dev.skopos.tui;

import dev.skopos.config.Action;
import dev.skopos.source.PodRef;
import java.util.EnumSet;
import java.util.Set;

/** The per-proxy Envoy sections, by key: 1 listeners, 2 routes, 3 clusters, 4 endpoints, 5 secrets, 6 bootstrap. */
final class ConfigSections {

    static final Set<Action> SECTION_ACTIONS = EnumSet.of(Action.LISTENERS, Action.ROUTES, Action.CLUSTERS,
            Action.ENDPOINTS, Action.SECRETS, Action.BOOTSTRAP);

    private ConfigSections() {
    }

    static View open(Action section, PodRef pod) {
        return open(section, pod, ConfigFilters.NONE);
    }

    static View open(Action section, PodRef pod, ConfigFilters filters) {
        return switch (section) {
            case LISTENERS -> new ListenersView(pod, filters);
            case ROUTES -> new RoutesView(pod, filters.routeName());
            case CLUSTERS -> new ClustersView(pod, filters, null);
            case ENDPOINTS -> new EndpointsView(pod, filters);
            case SECRETS -> new SecretsView(pod);
            case BOOTSTRAP -> new BootstrapView(pod);
            default -> throw new IllegalArgumentException("not a config section: " + section);
        };
    }
}
