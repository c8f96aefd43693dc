package dev.skopos.envoy.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One listener from the listeners section.
 *
 * @param name                the listener's name (e.g. {@code 0.0.0.0_5000}, {@code virtualInbound})
 * @param address             its main address
 * @param additionalAddresses {@code additional_addresses} (dual stack)
 * @param trafficDirection    {@code INBOUND}, {@code OUTBOUND} or "" (unspecified)
 * @param filterChains        the chains in order, the {@code default_filter_chain} last
 * @param listenerFilters     listener filter names (tls_inspector, http_inspector, original_dst...)
 * @param state               where the listener sits in the dump
 * @param versionInfo         the xDS version, "" for static listeners
 * @param lastUpdated         null when absent
 * @param raw                 the Listener object, or null
 */
public record ListenerConfig(String name, EnvoyAddress address, List<EnvoyAddress> additionalAddresses,
        String trafficDirection, List<FilterChain> filterChains, List<String> listenerFilters, State state,
        String versionInfo, Instant lastUpdated, JsonNode raw) {

    /** Static listeners come from the bootstrap; dynamic ones from LDS in one of these states. */
    public enum State { STATIC, ACTIVE, WARMING, DRAINING }

    /** What istioctl's {@code --type} filters on. */
    public enum Type {
        HTTP("HTTP"), TCP("TCP"), HTTP_TCP("HTTP+TCP"), UNKNOWN("UNKNOWN");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public int port() {
        return address.port();
    }

    /**
     * HTTP, TCP or HTTP+TCP by the network filters of every chain, as istioctl decides: a TCP proxy
     * to the BlackHoleCluster does not count.
     */
    public Type type() {
        int http = 0;
        int tcp = 0;
        for (FilterChain chain : filterChains) {
            for (NetworkFilter f : chain.filters()) {
                if (f.kind() == NetworkFilter.Kind.HTTP) {
                    http++;
                } else if (f.kind() == NetworkFilter.Kind.TCP && !f.tcpProxy().blackHole()) {
                    tcp++;
                }
            }
        }
        if (http > 0) {
            return tcp == 0 ? Type.HTTP : Type.HTTP_TCP;
        }
        return tcp > 0 ? Type.TCP : Type.UNKNOWN;
    }

    /**
     * One filter chain.
     *
     * @param name      the chain's name, "" when unnamed
     * @param match     its {@code filter_chain_match} (all empty when absent)
     * @param filters   its network filters in order
     * @param isDefault whether this is the listener's {@code default_filter_chain}
     * @param tls       whether the chain terminates TLS (has a tls transport socket)
     */
    public record FilterChain(String name, ChainMatch match, List<NetworkFilter> filters, boolean isDefault,
            boolean tls) {
    }

    /**
     * A {@code filter_chain_match}.
     *
     * @param destinationPort      null when absent
     * @param serverNames          SNI names
     * @param transportProtocol    {@code tls}, {@code raw_buffer} or ""
     * @param applicationProtocols ALPN values
     * @param prefixRanges         destination CIDRs as {@code address/len}
     * @param sourcePrefixRanges   source CIDRs as {@code address/len}
     * @param sourcePorts          source ports
     * @param sourceType           {@code SAME_IP_OR_LOOPBACK}, {@code EXTERNAL} or "" (any)
     */
    public record ChainMatch(Integer destinationPort, List<String> serverNames, String transportProtocol,
            List<String> applicationProtocols, List<String> prefixRanges, List<String> sourcePrefixRanges,
            List<Integer> sourcePorts, String sourceType) {

        public static final ChainMatch ANY = new ChainMatch(null, List.of(), "", List.of(), List.of(), List.of(),
                List.of(), "");
    }

    /**
     * A network filter. Exactly one of {@code httpConnectionManager} and {@code tcpProxy} is set for
     * kinds HTTP and TCP; both are null for OTHER.
     *
     * @param name    e.g. {@code envoy.filters.network.http_connection_manager}
     * @param typeUrl its {@code typed_config} {@code @type}, "" for none
     */
    public record NetworkFilter(String name, String typeUrl, Kind kind, HttpConnectionManager httpConnectionManager,
            TcpProxy tcpProxy) {

        public enum Kind { HTTP, TCP, OTHER }
    }

    /**
     * @param rdsRouteConfigName the RDS route name, "" when the routes are inline or absent
     * @param inlineRouteConfig  the inline {@code route_config}, or null
     * @param httpFilters        HTTP filter names in order
     * @param statPrefix         the stat prefix
     */
    public record HttpConnectionManager(String rdsRouteConfigName, RouteConfig inlineRouteConfig,
            List<String> httpFilters, String statPrefix) {
    }

    /**
     * @param cluster          the single cluster, "" when weighted
     * @param weightedClusters weighted clusters, empty when single
     * @param statPrefix       the stat prefix
     * @param blackHole        whether the filter's config names the BlackHoleCluster anywhere
     *                         (istioctl then does not count it as TCP)
     */
    public record TcpProxy(String cluster, List<RouteConfig.WeightedCluster> weightedClusters, String statPrefix,
            boolean blackHole) {
    }
}
