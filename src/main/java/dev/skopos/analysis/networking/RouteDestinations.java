package dev.skopos.analysis.networking;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The destinations a VirtualService routes or mirrors to, each with where it sits in the spec.
 * Order follows istioctl (tcp, tls, then http routes; mirrors separately) so findings come out
 * in the same order.
 */
public final class RouteDestinations {

    /**
     * One destination.
     *
     * @param rule        "tcp", "tls", "http", "http.mirror" or "http.mirrors"
     * @param ruleIndex   index of the route rule
     * @param index       index of the destination within the rule (0 for a single mirror)
     * @param destination the {@code destination} object (host, subset, port)
     */
    public record Destination(String rule, int ruleIndex, int index, JsonNode destination) {

        public String host() {
            return destination.path("host").asText("");
        }

        public String subset() {
            return destination.path("subset").asText("");
        }

        /** Whether a port was given at all (istioctl tells "no port" apart from port 0). */
        public boolean hasPort() {
            return destination.has("port") && !destination.get("port").isNull();
        }

        public int port() {
            return destination.path("port").path("number").asInt(0);
        }
    }

    private RouteDestinations() {
    }

    /** Route destinations of tcp, tls and http rules. */
    public static List<Destination> routes(JsonNode vsSpec) {
        List<Destination> out = new ArrayList<>();
        for (String kind : List.of("tcp", "tls", "http")) {
            JsonNode rules = vsSpec.path(kind);
            for (int i = 0; i < rules.size(); i++) {
                JsonNode routes = rules.get(i).path("route");
                for (int j = 0; j < routes.size(); j++) {
                    out.add(new Destination(kind, i, j, routes.get(j).path("destination")));
                }
            }
        }
        return out;
    }

    /** Mirror destinations of http rules: {@code mirror} and each of {@code mirrors}. */
    public static List<Destination> mirrors(JsonNode vsSpec) {
        List<Destination> out = new ArrayList<>();
        JsonNode rules = vsSpec.path("http");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            if (rule.path("mirror").isObject()) {
                out.add(new Destination("http.mirror", i, 0, rule.get("mirror")));
            }
            JsonNode mirrors = rule.path("mirrors");
            for (int j = 0; j < mirrors.size(); j++) {
                out.add(new Destination("http.mirrors", i, j, mirrors.get(j).path("destination")));
            }
        }
        return out;
    }

    /** The strings of a JSON array field (missing: empty). */
    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
