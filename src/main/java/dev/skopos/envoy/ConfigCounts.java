package dev.skopos.envoy;

/**
 * How much configuration a proxy holds, counted from {@code /config_dump}: static plus dynamic
 * active objects, with warming ones counted separately (warming means Envoy is still waiting
 * for something, usually EDS or a secret).
 */
public record ConfigCounts(int listeners, int warmingListeners, int clusters, int warmingClusters,
                           int routeConfigs, int virtualHosts, int routes, int secrets, int warmingSecrets) {}
