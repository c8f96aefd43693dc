package dev.skopos.envoy.config;

import static dev.skopos.envoy.config.Proto.get;
import static dev.skopos.envoy.config.Proto.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** ClusterLoadAssignments (EDS) and {@code /clusters} host statuses to endpoint records. */
final class EndpointReader {

    private EndpointReader() {
    }

    static EndpointConfig read(JsonNode cla, boolean dynamic, boolean keepRaw) {
        String cluster = text(cla, "cluster_name");
        List<EndpointConfig.Endpoint> out = new ArrayList<>();
        for (JsonNode group : get(cla, "endpoints")) {
            EndpointConfig.Locality locality = locality(get(group, "locality"));
            int priority = Proto.int32(group, "priority", 0);
            for (JsonNode lb : get(group, "lb_endpoints")) {
                JsonNode ep = get(lb, "endpoint");
                String health = text(lb, "health_status");
                out.add(new EndpointConfig.Endpoint(cluster, Proto.address(get(ep, "address")), text(ep, "hostname"),
                        health.isEmpty() ? "UNKNOWN" : health, List.of(),
                        Proto.int32(lb, "load_balancing_weight", 1), locality, priority));
            }
        }
        return new EndpointConfig(cluster, List.copyOf(out), dynamic, keepRaw ? cla : null);
    }

    static EndpointConfig.Locality locality(JsonNode l) {
        if (!l.isObject()) {
            return EndpointConfig.Locality.NONE;
        }
        return new EndpointConfig.Locality(text(l, "region"), text(l, "zone"), text(l, "sub_zone"));
    }

    /** One {@code host_statuses[]} entry of {@code /clusters?format=json}. */
    static EndpointConfig.Endpoint host(String cluster, JsonNode h) {
        JsonNode hs = get(h, "health_status");
        List<String> flags = new ArrayList<>();
        hs.fieldNames().forEachRemaining(f -> {
            JsonNode v = hs.get(f);
            if (v.isBoolean() && v.asBoolean()) {
                flags.add(snake(f));
            }
        });
        String eds = text(hs, "eds_health_status");
        return new EndpointConfig.Endpoint(cluster, Proto.address(get(h, "address")), text(h, "hostname"),
                eds.isEmpty() ? "UNKNOWN" : eds, List.copyOf(flags), Proto.int32(h, "weight", 1),
                locality(get(h, "locality")), Proto.int32(h, "priority", 0));
    }

    private static String snake(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
