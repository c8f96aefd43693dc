package dev.skopos.envoy.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One entry of {@code /clusters?format=json} ({@code cluster_statuses[]}): the live view of a
 * cluster's hosts with their health flags, which the config dump does not show.
 *
 * @param name         cluster name
 * @param addedViaApi  whether CDS added it (else it came from the bootstrap)
 * @param hosts        its hosts
 * @param raw          the cluster status object, or null
 */
public record ClusterStatus(String name, boolean addedViaApi, List<EndpointConfig.Endpoint> hosts, JsonNode raw) {
}
