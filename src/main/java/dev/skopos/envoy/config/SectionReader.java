package dev.skopos.envoy.config;

import static dev.skopos.envoy.config.Proto.get;
import static dev.skopos.envoy.config.Proto.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.envoy.EnvoyParseException;
import java.io.IOException;

/**
 * The fields of one {@code *ConfigDump} section. List fields are read one element at a time; each
 * element becomes a record and its tree is dropped (or kept as {@code raw} when asked).
 */
final class SectionReader {

    private SectionReader() {
    }

    /** {@code p} is on the token before the section's next field name (the {@code @type} value or START_OBJECT). */
    static void fields(JsonParser p, Section section, ConfigDumpParser.Sink sink, ConfigDumpParser.Context where)
            throws IOException {
        ObjectNode whole = section == Section.BOOTSTRAP ? JsonNodeFactory.instance.objectNode() : null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (whole != null) {
                whole.set(field, JsonTrees.read(p));
                continue;
            }
            // Accept the lowerCamelCase spelling of every field, as proto3 JSON readers do.
            String snake = snake(field);
            if (v != JsonToken.START_ARRAY || !isList(section, snake)) {
                p.skipChildren();
                continue;
            }
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                where.at(snake, i);
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw new EnvoyParseException("config_dump: " + where + ": not an object");
                }
                JsonNode item = JsonTrees.read(p);
                element(section, snake, item, sink);
                i++;
            }
            where.at(null, -1);
        }
        if (whole != null) {
            sink.bootstrap = BootstrapReader.read(whole, sink.options.keepRaw());
        }
    }

    private static boolean isList(Section section, String field) {
        return switch (section) {
            case CLUSTERS -> field.equals("dynamic_active_clusters") || field.equals("static_clusters");
            case LISTENERS -> field.equals("dynamic_listeners") || field.equals("static_listeners")
                    || field.equals("dynamic_active_listeners") || field.equals("dynamic_warming_listeners")
                    || field.equals("dynamic_draining_listeners");
            case ROUTES -> field.equals("dynamic_route_configs") || field.equals("static_route_configs");
            case ENDPOINTS -> field.equals("dynamic_endpoint_configs") || field.equals("static_endpoint_configs");
            case SECRETS -> field.equals("dynamic_active_secrets") || field.equals("dynamic_warming_secrets")
                    || field.equals("static_secrets");
            case ECDS -> field.equals("ecds_filters");
            default -> false;
        };
    }

    private static void element(Section section, String field, JsonNode item, ConfigDumpParser.Sink sink) {
        boolean raw = sink.options.keepRaw();
        String version = text(item, "version_info");
        var updated = Proto.instant(get(item, "last_updated"));
        switch (section) {
            case CLUSTERS -> {
                JsonNode c = get(item, "cluster");
                if (c.isObject()) {
                    boolean dynamic = field.startsWith("dynamic");
                    (dynamic ? sink.dynamicClusters : sink.staticClusters)
                            .add(ClusterReader.read(c, dynamic, version, updated, raw));
                }
            }
            case LISTENERS -> listener(field, item, sink, raw);
            case ROUTES -> {
                JsonNode rc = get(item, "route_config");
                if (rc.isObject()) {
                    boolean dynamic = field.startsWith("dynamic");
                    (dynamic ? sink.dynamicRoutes : sink.staticRoutes)
                            .add(RouteReader.read(rc, dynamic, version, updated, raw));
                }
            }
            case ENDPOINTS -> {
                JsonNode cla = get(item, "endpoint_config");
                if (cla.isObject()) {
                    boolean dynamic = field.startsWith("dynamic");
                    (dynamic ? sink.dynamicEndpoints : sink.staticEndpoints)
                            .add(EndpointReader.read(cla, dynamic, raw));
                }
            }
            case SECRETS -> {
                switch (field) {
                    case "dynamic_warming_secrets" -> sink.warmingSecrets.add(SecretReader.read(item, "WARMING", raw));
                    case "dynamic_active_secrets" -> sink.activeSecrets.add(SecretReader.read(item, "ACTIVE", raw));
                    default -> sink.staticSecrets.add(SecretReader.read(item, "STATIC", raw));
                }
            }
            case ECDS -> {
                JsonNode f = get(item, "ecds_filter");
                sink.extensions.add(new ExtensionConfig(text(f, "name"), Proto.type(get(f, "typed_config")), version,
                        updated, raw ? item : null));
            }
            default -> {
            }
        }
    }

    /** v3 wraps each listener in per-state objects; v2alpha had one list per state. */
    private static void listener(String field, JsonNode item, ConfigDumpParser.Sink sink, boolean raw) {
        switch (field) {
            case "static_listeners" -> {
                JsonNode l = get(item, "listener");
                if (l.isObject()) {
                    sink.staticListeners.add(ListenerReader.read(l, ListenerConfig.State.STATIC, "",
                            Proto.instant(get(item, "last_updated")), raw));
                }
            }
            case "dynamic_listeners" -> {
                state(item, "active_state", ListenerConfig.State.ACTIVE, sink, raw);
                state(item, "warming_state", ListenerConfig.State.WARMING, sink, raw);
                state(item, "draining_state", ListenerConfig.State.DRAINING, sink, raw);
            }
            default -> {
                ListenerConfig.State state = field.contains("warming") ? ListenerConfig.State.WARMING
                        : field.contains("draining") ? ListenerConfig.State.DRAINING : ListenerConfig.State.ACTIVE;
                JsonNode l = get(item, "listener");
                if (l.isObject()) {
                    sink.dynamicListeners.add(ListenerReader.read(l, state, text(item, "version_info"),
                            Proto.instant(get(item, "last_updated")), raw));
                }
            }
        }
    }

    private static void state(JsonNode item, String field, ListenerConfig.State state, ConfigDumpParser.Sink sink,
            boolean raw) {
        JsonNode s = get(item, field);
        JsonNode l = get(s, "listener");
        if (l.isObject()) {
            sink.dynamicListeners.add(ListenerReader.read(l, state, text(s, "version_info"),
                    Proto.instant(get(s, "last_updated")), raw));
        }
    }

    static String snake(String name) {
        if (name.indexOf('_') >= 0) {
            return name;
        }
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
