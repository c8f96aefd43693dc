package dev.skopos.render.istioctl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.envoy.EnvoyParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code istioctl proxy-status POD}: what istiod would send a proxy against what its Envoy holds.
 * Like istioctl's comparator, each side keeps only the dynamic active clusters, the listeners with
 * an active state and the dynamic route configurations; drops version_info and last_updated (and
 * a listener's draining state and name); sorts clusters, listeners and routes by name and virtual
 * hosts within a route by name; writes each as jsonpb does (lowerCamelCase, three-space indent)
 * and prints a unified diff of the two texts with 7 lines of context.
 */
public final class ConfigComparison {

    /** istioctl's comparator context. */
    public static final int CONTEXT = 7;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter RFC1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.ENGLISH);

    /** One of the three compared sections. */
    private enum Kind {
        CLUSTERS("Clusters", "ClustersConfigDump", "dynamic_active_clusters", "cluster",
                "type.googleapis.com/envoy.config.cluster.v3.Cluster"),
        LISTENERS("Listeners", "ListenersConfigDump", "dynamic_listeners", "active_state.listener",
                "type.googleapis.com/envoy.config.listener.v3.Listener"),
        ROUTES("Routes", "RoutesConfigDump", "dynamic_route_configs", "route_config",
                "type.googleapis.com/envoy.config.route.v3.RouteConfiguration");

        final String title;
        final String dumpType;
        final String listField;
        final List<String> resourcePath;
        final String resourceType;

        Kind(String title, String dumpType, String listField, String resourcePath, String resourceType) {
            this.title = title;
            this.dumpType = dumpType;
            this.listField = listField;
            this.resourcePath = Arrays.asList(resourcePath.split("\\."));
            this.resourceType = resourceType;
        }
    }

    /**
     * @param istiodDump istiod's {@code /debug/config_dump?proxyID=} answer (config_dump shape)
     * @param envoyDump  Envoy's {@code /config_dump}
     * @param zone       where to print when RDS was last loaded (istioctl uses the local zone)
     * @return istioctl's text: per section "X Match", or "X Don't Match" followed by the diff
     * @throws EnvoyParseException when either side is not JSON
     */
    public static String compare(String istiodDump, String envoyDump, ZoneId zone) {
        JsonNode istiod = read("istiod config dump", istiodDump);
        JsonNode envoy = read("Envoy config dump", envoyDump);
        StringBuilder out = new StringBuilder();
        for (Kind kind : Kind.values()) {
            String diff = UnifiedDiff.diff(lines(istiod, kind), lines(envoy, kind),
                    "Istiod " + kind.title, "Envoy " + kind.title, CONTEXT);
            String loaded = kind == Kind.ROUTES ? lastLoaded(envoy, zone) : "";
            if (diff.isEmpty()) {
                out.append(kind.title).append(" Match").append(loaded).append('\n');
            } else {
                // istioctl Fprintln's a diff that already ends in a newline: a blank line follows it.
                out.append(kind.title).append(" Don't Match").append(loaded).append('\n').append(diff).append('\n');
            }
        }
        return out.toString();
    }

    /** The section as istioctl writes it before diffing, one string per line. */
    static List<String> lines(JsonNode dump, Kind kind) {
        JsonNode section = section(dump, kind);
        if (section == null) {
            // istioctl diffs the error text in place of the section; two dumps lacking it match.
            return List.of("config dump has no configuration type type.googleapis.com/envoy.admin.v3." + kind.dumpType);
        }
        List<ObjectNode> entries = new ArrayList<>();
        for (JsonNode entry : field(section, kind.listField)) {
            if (!entry.isObject()) {
                continue;
            }
            ObjectNode e = entry.deepCopy();
            ObjectNode versioned = e;
            if (kind == Kind.LISTENERS) {
                if (field(e, "active_state").isMissingNode()) {
                    continue; // only warming or draining: not what Envoy serves
                }
                remove(e, "draining_state");
                remove(e, "name"); // Envoy adds it, istiod does not
                versioned = (ObjectNode) field(e, "active_state");
            }
            remove(versioned, "version_info");
            remove(versioned, "last_updated");
            JsonNode resource = resource(e, kind);
            if (resource instanceof ObjectNode r) {
                // v2 and v3 dumps compare alike: the Any's type is forced to v3.
                r.put("@type", kind.resourceType);
                if (kind == Kind.ROUTES) {
                    sortByName(r, "virtual_hosts");
                }
            }
            entries.add(e);
        }
        entries.sort(Comparator.comparing(e -> resource(e, kind).path("name").asText("")));
        ObjectNode doc = MAPPER.createObjectNode();
        if (!entries.isEmpty()) {
            doc.putArray(kind.listField).addAll(entries);
        }
        return List.of(GoJson.write(doc, GoJson.Style.JSONPB, "   ").split("\n", -1));
    }

    /** The newest last_updated of Envoy's route configurations, as istioctl appends it; empty when none. */
    static String lastLoaded(JsonNode envoy, ZoneId zone) {
        JsonNode section = section(envoy, Kind.ROUTES);
        Instant newest = null;
        for (JsonNode entry : section == null ? MAPPER.createArrayNode() : field(section, Kind.ROUTES.listField)) {
            try {
                Instant t = OffsetDateTime.parse(field(entry, "last_updated").asText("")).toInstant();
                newest = newest == null || t.isAfter(newest) ? t : newest;
            } catch (DateTimeParseException e) {
                // no time or not one: this entry says nothing
            }
        }
        return newest == null || !newest.isAfter(Instant.EPOCH) ? ""
                : " (RDS last loaded at " + RFC1123.format(newest.atZone(zone)) + ")";
    }

    private static JsonNode section(JsonNode dump, Kind kind) {
        for (JsonNode config : dump.path("configs")) {
            String type = config.path("@type").asText("");
            if (type.endsWith("." + kind.dumpType)) {
                return config;
            }
        }
        return null;
    }

    private static JsonNode resource(JsonNode entry, Kind kind) {
        JsonNode cur = entry;
        for (String f : kind.resourcePath) {
            cur = field(cur, f);
        }
        return cur;
    }

    private static void sortByName(ObjectNode message, String snake) {
        JsonNode list = field(message, snake);
        if (list instanceof ArrayNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(items::add);
            items.sort(Comparator.comparing(n -> n.path("name").asText("")));
            array.removeAll();
            array.addAll(items);
        }
    }

    /** Dumps come with Envoy's snake_case names or, after other tools, lowerCamelCase ones. */
    private static JsonNode field(JsonNode node, String snake) {
        JsonNode v = node.get(snake);
        if (v == null) {
            v = node.get(dev.skopos.envoy.config.Proto.camel(snake));
        }
        return v == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v;
    }

    private static void remove(ObjectNode node, String snake) {
        node.remove(snake);
        node.remove(dev.skopos.envoy.config.Proto.camel(snake));
    }

    private static JsonNode read(String what, String body) {
        try {
            JsonNode root = MAPPER.readTree(body == null ? "" : body);
            if (root == null || !root.isObject()) {
                throw new EnvoyParseException(what + ": expected a JSON object with configs");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new EnvoyParseException(what + ": not JSON (" + EnvoyParseException.oneLine(e) + ")", e);
        }
    }
}
