package dev.skopos.envoy.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One ClusterLoadAssignment from the endpoints section of {@code /config_dump?include_eds}.
 *
 * @param clusterName the cluster the endpoints belong to
 * @param endpoints   every lb endpoint, flattened from the locality groups
 * @param dynamic     from EDS (else static)
 * @param raw         the ClusterLoadAssignment object, or null
 */
public record EndpointConfig(String clusterName, List<Endpoint> endpoints, boolean dynamic, JsonNode raw) {

    /**
     * One upstream host, from EDS or from {@code /clusters?format=json}.
     *
     * @param clusterName    its cluster
     * @param address        where it listens
     * @param hostname       the endpoint's hostname, "" when none
     * @param healthStatus   {@code HEALTHY}, {@code UNHEALTHY}, {@code DRAINING}, {@code TIMEOUT},
     *                       {@code DEGRADED} or {@code UNKNOWN} (proto3's default)
     * @param failedChecks   from {@code /clusters}: the set health flags, e.g.
     *                       {@code failed_outlier_check}, {@code failed_active_health_check}; empty from EDS
     * @param weight         load balancing weight (1 when unset)
     * @param locality       region/zone/sub-zone
     * @param priority       the locality group's priority
     */
    public record Endpoint(String clusterName, EnvoyAddress address, String hostname, String healthStatus,
            List<String> failedChecks, int weight, Locality locality, int priority) {

        public boolean failedOutlierCheck() {
            return failedChecks.contains("failed_outlier_check");
        }
    }

    /** A locality; empty strings for parts that are not set. */
    public record Locality(String region, String zone, String subZone) {

        public static final Locality NONE = new Locality("", "", "");

        /** {@code region/zone/sub_zone} with trailing empty parts left out, as istioctl prints it. */
        public String display() {
            if (zone.isEmpty()) {
                return region;
            }
            return subZone.isEmpty() ? region + "/" + zone : region + "/" + zone + "/" + subZone;
        }
    }
}
