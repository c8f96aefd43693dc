package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import java.util.ArrayList;
import java.util.List;

/** The routes and destinations of a VirtualService, named the way messages show them. */
final class Routes {

    /**
     * One destination of a route.
     *
     * @param route       the route's name, or {@code http[0]} style when it has none
     * @param destination the {@code destination} object (host, subset, port)
     * @param host        its host resolved to an FQDN against the VirtualService's namespace
     */
    record Destination(String route, JsonNode destination, String host) {

        String subset() {
            return destination.path("subset").asText("");
        }
    }

    private Routes() {
    }

    static String label(String section, int index, JsonNode route) {
        String name = route.path("name").asText("");
        return name.isEmpty() ? section + "[" + index + "]" : name;
    }

    /** Every destination of http, tcp and tls routes, and http mirrors. */
    static List<Destination> destinations(Resource vs) {
        List<Destination> out = new ArrayList<>();
        for (String section : List.of("http", "tcp", "tls")) {
            int i = 0;
            for (JsonNode route : vs.spec().path(section)) {
                String label = label(section, i++, route);
                for (JsonNode rd : route.path("route")) {
                    out.add(destination(vs, label, rd.path("destination")));
                }
                if (route.has("mirror")) {
                    out.add(destination(vs, label, route.path("mirror")));
                }
            }
        }
        return out;
    }

    private static Destination destination(Resource vs, String label, JsonNode d) {
        return new Destination(label, d, Hosts.fqdn(d.path("host").asText(""), vs.namespace()));
    }

    /** True when the VirtualService applies to sidecars: no gateways listed, or "mesh" among them. */
    static boolean appliesToMesh(Resource vs) {
        JsonNode gateways = vs.spec().path("gateways");
        if (!gateways.isArray() || gateways.isEmpty()) {
            return true;
        }
        for (JsonNode g : gateways) {
            if (g.asText().equals("mesh")) {
                return true;
            }
        }
        return false;
    }
}
