package dev.skopos.istiod;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The xDS type URLs istiod serves, their short names (as istioctl prints them) and display order. */
public final class XdsTypes {

    public static final String CLUSTER = "type.googleapis.com/envoy.config.cluster.v3.Cluster";
    public static final String LISTENER = "type.googleapis.com/envoy.config.listener.v3.Listener";
    public static final String ENDPOINT = "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment";
    public static final String ROUTE = "type.googleapis.com/envoy.config.route.v3.RouteConfiguration";
    public static final String EXTENSION_CONFIG = "type.googleapis.com/envoy.config.core.v3.TypedExtensionConfig";
    public static final String SECRET = "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret";
    // Ambient: what ztunnel subscribes to.
    public static final String WORKLOAD_ADDRESS = "type.googleapis.com/istio.workload.Address";
    public static final String AUTHORIZATION = "type.googleapis.com/istio.security.Authorization";

    private static final Map<String, String> SHORT_NAMES = Map.of(
            CLUSTER, "CDS", LISTENER, "LDS", ENDPOINT, "EDS", ROUTE, "RDS", EXTENSION_CONFIG, "ECDS",
            SECRET, "SDS", WORKLOAD_ADDRESS, "WDS", AUTHORIZATION, "WADS");

    /** istioctl lists the four classic types first, in the order Envoy applies them, then ECDS. */
    private static final List<String> LEADING = List.of("CDS", "LDS", "EDS", "RDS", "ECDS");

    /** Orders short names CDS, LDS, EDS, RDS, ECDS, then the others alphabetically. */
    public static final Comparator<String> DISPLAY_ORDER = Comparator
            .comparingInt((String name) -> {
                int i = LEADING.indexOf(name);
                return i < 0 ? LEADING.size() : i;
            })
            .thenComparing(Comparator.naturalOrder());

    private XdsTypes() {
    }

    /** CDS, LDS, ... for known types; otherwise the simple name after the last '.' or '/'. */
    public static String shortName(String typeUrl) {
        if (typeUrl == null || typeUrl.isEmpty()) {
            return "";
        }
        String known = SHORT_NAMES.get(typeUrl);
        if (known != null) {
            return known;
        }
        int cut = Math.max(typeUrl.lastIndexOf('.'), typeUrl.lastIndexOf('/'));
        return typeUrl.substring(cut + 1);
    }

    /** The full type URL for a short name istiod's HTTP report uses (CDS...), null if unknown. */
    static String typeUrl(String shortName) {
        return SHORT_NAMES.entrySet().stream()
                .filter(e -> e.getValue().equals(shortName))
                .map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }
}
