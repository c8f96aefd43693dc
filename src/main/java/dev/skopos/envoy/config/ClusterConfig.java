package dev.skopos.envoy.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One cluster from the clusters section.
 *
 * @param name             the cluster name
 * @param key              its parsed Istio name, null for names that are not subset keys
 * @param discoveryType    {@code EDS}, {@code STRICT_DNS}, {@code STATIC}, {@code ORIGINAL_DST}...
 *                         (default {@code STATIC}, as proto3 omits it); for {@code cluster_type}
 *                         extensions, the extension's name
 * @param edsServiceName   {@code eds_cluster_config.service_name}, "" when none
 * @param destinationRule  {@code metadata.filter_metadata.istio.config}: the DestinationRule path,
 *                         e.g. {@code /apis/networking.istio.io/v1/namespaces/bookinfo/destination-rule/reviews}; ""
 * @param tls              the upstream TLS set-up
 * @param circuitBreakers  the DEFAULT-priority thresholds, null when none are set
 * @param outlierDetection null when off
 * @param lbPolicy         {@code ROUND_ROBIN} (default), {@code LEAST_REQUEST}, ...
 * @param connectTimeout   null when unset
 * @param dynamic          from CDS (else static)
 * @param versionInfo      the xDS version, "" for static clusters
 * @param lastUpdated      null when absent
 * @param raw              the Cluster object, or null
 */
public record ClusterConfig(String name, ClusterKey key, String discoveryType, String edsServiceName,
        String destinationRule, ClusterTls tls, CircuitBreakers circuitBreakers, OutlierDetection outlierDetection,
        String lbPolicy, Duration connectTimeout, boolean dynamic, String versionInfo, Instant lastUpdated,
        JsonNode raw) {

    /**
     * How the cluster talks to its endpoints.
     *
     * @param mode        NONE (plaintext), TLS (a TLS context, not Istio's), or ISTIO_MUTUAL (the
     *                    Istio SDS certificates {@code default} and {@code ROOTCA})
     * @param auto        whether TLS applies only to endpoints labelled {@code tlsMode: istio} (auto mTLS,
     *                    through {@code transport_socket_matches}), plaintext to others
     * @param sni         the SNI sent, "" for none
     * @param sdsSecrets  SDS secret names the TLS context uses (certificates, then validation)
     */
    public record ClusterTls(Mode mode, boolean auto, String sni, List<String> sdsSecrets) {

        public enum Mode { NONE, TLS, ISTIO_MUTUAL }

        public static final ClusterTls NONE = new ClusterTls(Mode.NONE, false, "", List.of());
    }

    /** DEFAULT-priority thresholds; null fields were not set (Envoy's defaults apply). */
    public record CircuitBreakers(Long maxConnections, Long maxPendingRequests, Long maxRequests, Long maxRetries) {
    }

    /**
     * @param consecutive5xx     null when unset (Envoy default 5)
     * @param interval           null when unset
     * @param baseEjectionTime   null when unset
     * @param maxEjectionPercent null when unset
     */
    public record OutlierDetection(Integer consecutive5xx, Duration interval, Duration baseEjectionTime,
            Integer maxEjectionPercent) {
    }
}
