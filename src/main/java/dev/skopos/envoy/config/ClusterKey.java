package dev.skopos.envoy.config;

/**
 * The parts of an Istio cluster name {@code direction|port|subset|fqdn}, e.g.
 * {@code outbound|5000|single|weather-backend.weather.svc.cluster.local} or
 * {@code inbound-vip|8000|http|httpbin.default.svc.cluster.local}.
 *
 * @param direction {@code outbound}, {@code inbound}, {@code inbound-vip}...
 * @param port      the port, 0 when not a number
 * @param subset    the subset, "" for none
 * @param fqdn      the service host name
 */
public record ClusterKey(String direction, int port, String subset, String fqdn) {

    /**
     * The key of {@code name}, or null for names with fewer than four {@code |}-separated parts
     * (BlackHoleCluster, agent, xds-grpc...). Like istioctl, only the first three separators split.
     */
    public static ClusterKey parse(String name) {
        if (name == null || name.split("\\|", -1).length <= 3) {
            return null;
        }
        String[] parts = name.split("\\|", 4);
        int port;
        try {
            port = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            port = 0;
        }
        return new ClusterKey(parts[0], port, parts[2], parts[3]);
    }
}
