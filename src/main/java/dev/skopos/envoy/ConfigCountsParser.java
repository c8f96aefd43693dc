package dev.skopos.envoy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts what a proxy holds from Envoy's {@code GET /config_dump}. Each entry of {@code configs}
 * is recognised by the simple name of its {@code @type} ({@code ListenersConfigDump}, ...), so
 * the v3 ({@code envoy.admin.v3}) and older v2alpha ({@code envoy.admin.v2alpha}) shapes read the
 * same; unknown entries are ignored.
 */
public final class ConfigCountsParser {

    private ConfigCountsParser() {
    }

    /** @throws EnvoyParseException when the dump is not a JSON object */
    public static ConfigCounts parse(String configDumpJson) {
        JsonNode root = ProtoJson.readObject("config_dump", configDumpJson);
        Tally t = new Tally();
        for (JsonNode config : entries(root.path("configs"))) {
            switch (simpleType(config)) {
                case "ListenersConfigDump" -> countListeners(config, t);
                case "ClustersConfigDump" -> {
                    t.clusters += size(config, "static_clusters") + size(config, "dynamic_active_clusters");
                    t.warmingClusters += size(config, "dynamic_warming_clusters");
                }
                case "RoutesConfigDump" -> {
                    countRoutes(config.path("static_route_configs"), t);
                    countRoutes(config.path("dynamic_route_configs"), t);
                }
                case "SecretsConfigDump" -> {
                    t.secrets += size(config, "static_secrets") + size(config, "dynamic_active_secrets");
                    t.warmingSecrets += size(config, "dynamic_warming_secrets");
                }
                default -> {
                    // bootstrap, endpoints, scoped routes, ECDS: not counted here
                }
            }
        }
        return new ConfigCounts(t.listeners, t.warmingListeners, t.clusters, t.warmingClusters,
                t.routeConfigs, t.virtualHosts, t.routes, t.secrets, t.warmingSecrets);
    }

    private static void countListeners(JsonNode config, Tally t) {
        t.listeners += size(config, "static_listeners");
        // v3: one entry per listener carrying whichever states it is in. A listener being
        // updated has both an active and a warming state: it still serves, so it counts as active.
        for (JsonNode l : config.path("dynamic_listeners")) {
            if (l.hasNonNull("active_state")) {
                t.listeners++;
            } else if (l.hasNonNull("warming_state")) {
                t.warmingListeners++;
            }
        }
        // v2alpha: separate lists per state.
        t.listeners += size(config, "dynamic_active_listeners");
        t.warmingListeners += size(config, "dynamic_warming_listeners");
    }

    private static void countRoutes(JsonNode routeConfigs, Tally t) {
        for (JsonNode rc : routeConfigs) {
            JsonNode routeConfig = rc.path("route_config");
            if (!routeConfig.isObject()) {
                continue; // a dynamic route config that only carries an error_state
            }
            t.routeConfigs++;
            for (JsonNode vh : routeConfig.path("virtual_hosts")) {
                t.virtualHosts++;
                t.routes += vh.path("routes").size();
            }
        }
    }

    /** Old Envoys (before 1.9) keyed {@code configs} by name instead of listing them. */
    private static List<JsonNode> entries(JsonNode configs) {
        List<JsonNode> out = new ArrayList<>();
        configs.elements().forEachRemaining(out::add);
        return out;
    }

    private static String simpleType(JsonNode config) {
        String type = ProtoJson.text(config, "@type");
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static int size(JsonNode config, String field) {
        JsonNode list = config.path(field);
        return list.isArray() ? list.size() : 0;
    }

    private static final class Tally {
        int listeners;
        int warmingListeners;
        int clusters;
        int warmingClusters;
        int routeConfigs;
        int virtualHosts;
        int routes;
        int secrets;
        int warmingSecrets;
    }
}
