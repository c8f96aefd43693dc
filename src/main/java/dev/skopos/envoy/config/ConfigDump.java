package dev.skopos.envoy.config;

import java.util.List;
import java.util.Set;

/**
 * A parsed {@code /config_dump}. Lists keep the dump's order: dynamic entries before static ones,
 * as istioctl reads them. Sections absent from the dump (or not asked for) are empty lists.
 *
 * @param present    the sections the dump contained (whether asked for or not)
 * @param bootstrap  null when there is no bootstrap section
 * @param clusters   dynamic active, then static clusters
 * @param listeners  dynamic (active, warming, draining), then static listeners
 * @param routes     dynamic, then static route configs
 * @param endpoints  dynamic, then static ClusterLoadAssignments ({@code ?include_eds} only)
 * @param secrets    warming, then active secrets (istioctl's order), then static ones
 * @param extensions ECDS filters of every ECDS section, in order
 */
public record ConfigDump(Set<Section> present, BootstrapInfo bootstrap, List<ClusterConfig> clusters,
        List<ListenerConfig> listeners, List<RouteConfig> routes, List<EndpointConfig> endpoints,
        List<SecretConfig> secrets, List<ExtensionConfig> extensions) {

    public boolean has(Section section) {
        return present.contains(section);
    }
}
