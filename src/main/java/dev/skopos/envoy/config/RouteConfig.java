package dev.skopos.envoy.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One route configuration (RDS, static, or inline in an HTTP connection manager).
 *
 * @param name         the route name ({@code 9080}, {@code http.8080}, ...), "" for unnamed
 * @param virtualHosts in order
 * @param dynamic      from RDS (else static or inline)
 * @param versionInfo  the xDS version, "" when none
 * @param lastUpdated  null when absent
 * @param raw          the RouteConfiguration object, or null
 */
public record RouteConfig(String name, List<VirtualHost> virtualHosts, boolean dynamic, String versionInfo,
        Instant lastUpdated, JsonNode raw) {

    /**
     * @param name    the virtual host's name ({@code reviews.default.svc.cluster.local:9080})
     * @param domains the domains in order
     * @param routes  the routes in order
     */
    public record VirtualHost(String name, List<String> domains, List<Route> routes) {
    }

    /**
     * @param name        the route's name, "" when unnamed
     * @param match       how requests are matched
     * @param action      what happens to them
     * @param timeout     the route timeout, null when unset (Envoy's default 15s applies)
     * @param retryPolicy null when none
     * @param fault       fault injection from {@code typed_per_filter_config[envoy.filters.http.fault]}, or null
     * @param mirrors     request mirror policies
     * @param decorator   the decorator operation, "" for none
     * @param configPath  {@code metadata.filter_metadata.istio.config}: the VirtualService or
     *                    HTTPRoute this route came from, e.g.
     *                    {@code /apis/networking.istio.io/v1/namespaces/default/virtual-service/reviews}; ""
     */
    public record Route(String name, RouteMatch match, RouteAction action, Duration timeout, RetryPolicy retryPolicy,
            FaultInjection fault, List<MirrorPolicy> mirrors, String decorator, String configPath) {
    }

    /**
     * Exactly one of the path specifiers is non-empty (or none: matches nothing special).
     *
     * @param prefix              {@code prefix}
     * @param path                {@code path} (exact)
     * @param safeRegex           {@code safe_regex.regex}
     * @param pathSeparatedPrefix {@code path_separated_prefix}
     * @param pathMatchPolicy     {@code path_match_policy}: the URI template, or its extension name
     * @param caseSensitive       false only when explicitly turned off
     * @param headers             header matchers
     */
    public record RouteMatch(String prefix, String path, String safeRegex, String pathSeparatedPrefix,
            String pathMatchPolicy, boolean caseSensitive, List<HeaderMatch> headers) {
    }

    /**
     * @param name    header name (pseudo-headers like {@code :authority} included)
     * @param matcher a readable matcher: {@code exact=v1}, {@code prefix=x}, {@code regex=...},
     *                {@code present}, ...
     * @param invert  {@code invert_match}
     */
    public record HeaderMatch(String name, String matcher, boolean invert) {
    }

    /**
     * @param kind             which action
     * @param cluster          CLUSTER: the cluster
     * @param weightedClusters WEIGHTED: clusters with weights
     * @param clusterHeader    CLUSTER_HEADER: the header naming the cluster
     * @param redirect         REDIRECT: a readable target ({@code https://host/path}, fields that are set)
     * @param directStatus     DIRECT_RESPONSE: the status code, else 0
     */
    public record RouteAction(Kind kind, String cluster, List<WeightedCluster> weightedClusters, String clusterHeader,
            String redirect, int directStatus) {

        public enum Kind { CLUSTER, WEIGHTED, CLUSTER_HEADER, REDIRECT, DIRECT_RESPONSE, OTHER }
    }

    /** A weighted cluster; {@code weight} is 0 when Envoy left it out. */
    public record WeightedCluster(String name, int weight) {
    }

    /**
     * @param retryOn       the {@code retry_on} conditions
     * @param numRetries    {@code num_retries} (Envoy's default is 1 when absent)
     * @param perTryTimeout null when unset
     */
    public record RetryPolicy(String retryOn, int numRetries, Duration perTryTimeout) {
    }

    /**
     * @param delay        fixed delay, null for none
     * @param delayPercent percent of requests delayed
     * @param abortStatus  HTTP status of aborts, 0 for none (gRPC aborts keep 0)
     * @param abortPercent percent of requests aborted
     */
    public record FaultInjection(Duration delay, double delayPercent, int abortStatus, double abortPercent) {
    }

    /** A request mirror policy: the cluster and the percent of requests mirrored (100 when unset). */
    public record MirrorPolicy(String cluster, double percent) {
    }
}
