package dev.skopos.envoy.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.envoy.EnvoyParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Envoy's {@code /config_dump} (v3 admin types, v2alpha ones, with or without {@code ?include_eds})
 * to a {@link ConfigDump}. It streams: {@code configs[]} is walked token by token and only one
 * cluster, listener, route or secret is held as a tree at a time, so a 50 MB dump parsed for one
 * section costs little more than its records. Unknown {@code @type}s and fields are skipped.
 * Failures are {@link EnvoyParseException}s with one line naming the section, e.g.
 * {@code config_dump: clusters: dynamic_active_clusters[3]: not an object}.
 */
public final class ConfigDumpParser {

    private ConfigDumpParser() {
    }

    public static ConfigDump parse(String body, ParseOptions options) {
        if (body == null || body.isBlank()) {
            throw new EnvoyParseException("config_dump: empty answer");
        }
        try {
            return parse(JsonTrees.FACTORY.createParser(new StringReader(body)), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code in} to its end; I/O failures other than malformed JSON come out unchecked. */
    public static ConfigDump parse(InputStream in, ParseOptions options) {
        try {
            return parse(JsonTrees.FACTORY.createParser(in), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConfigDump parse(JsonParser p, ParseOptions options) throws IOException {
        Sink sink = new Sink(options);
        Context where = new Context();
        try (p) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new EnvoyParseException("config_dump: empty answer");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new EnvoyParseException("config_dump: expected a JSON object, got " + describe(t));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("configs") && v == JsonToken.START_ARRAY) {
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        where.set("configs[" + i + "]", null, -1);
                        config(p, sink, where);
                        i++;
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new EnvoyParseException("config_dump: " + where + (where.isEmpty() ? "" : ": ")
                    + (e.getMessage() != null && e.getMessage().contains("end-of-input") ? "truncated JSON" : "not JSON")
                    + " (" + EnvoyParseException.oneLine(e) + ")", e);
        }
        return sink.build();
    }

    /** One {@code configs[]} element; {@code p} is on its first token. */
    private static void config(JsonParser p, Sink sink, Context where) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new EnvoyParseException("config_dump: " + where + ": not an object");
        }
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_OBJECT) {
            return;
        }
        if ("@type".equals(p.currentName())) {
            p.nextToken();
            Section section = Section.ofType(p.getValueAsString());
            if (section == null) {
                skipRest(p);
                return;
            }
            sink.present.add(section);
            where.set(section.label(), null, -1);
            if (!sink.options.wants(section)) {
                skipRest(p);
                return;
            }
            SectionReader.fields(p, section, sink, where);
            return;
        }
        // @type is not first (hand-edited or re-serialised dumps): buffer this one config and
        // read it through the same code.
        ObjectNode rest = JsonNodeFactory.instance.objectNode();
        do {
            String name = p.currentName();
            p.nextToken();
            rest.set(name, JsonTrees.read(p));
        } while (p.nextToken() == JsonToken.FIELD_NAME);
        Section section = Section.ofType(rest.path("@type").asText(null));
        if (section == null) {
            return;
        }
        sink.present.add(section);
        where.set(section.label(), null, -1);
        if (sink.options.wants(section)) {
            try (JsonParser again = rest.traverse()) {
                again.nextToken();
                SectionReader.fields(again, section, sink, where);
            }
        }
    }

    private static void skipRest(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            p.nextToken();
            p.skipChildren();
        }
    }

    static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name().toLowerCase();
        };
    }

    /** Where the parser is, for error messages: {@code clusters: dynamic_active_clusters[3]}. */
    static final class Context {
        private String section = "";
        private String field;
        private int index = -1;

        void set(String section, String field, int index) {
            this.section = section;
            this.field = field;
            this.index = index;
        }

        void at(String field, int index) {
            this.field = field;
            this.index = index;
        }

        boolean isEmpty() {
            return section.isEmpty();
        }

        @Override
        public String toString() {
            if (field == null) {
                return section;
            }
            return section + ": " + field + (index >= 0 ? "[" + index + "]" : "");
        }
    }

    /** Collects records in istioctl's order: dynamic before static, warming secrets before active. */
    static final class Sink {
        final ParseOptions options;
        final Set<Section> present = EnumSet.noneOf(Section.class);
        BootstrapInfo bootstrap;
        final List<ClusterConfig> dynamicClusters = new ArrayList<>();
        final List<ClusterConfig> staticClusters = new ArrayList<>();
        final List<ListenerConfig> dynamicListeners = new ArrayList<>();
        final List<ListenerConfig> staticListeners = new ArrayList<>();
        final List<RouteConfig> dynamicRoutes = new ArrayList<>();
        final List<RouteConfig> staticRoutes = new ArrayList<>();
        final List<EndpointConfig> dynamicEndpoints = new ArrayList<>();
        final List<EndpointConfig> staticEndpoints = new ArrayList<>();
        final List<SecretConfig> warmingSecrets = new ArrayList<>();
        final List<SecretConfig> activeSecrets = new ArrayList<>();
        final List<SecretConfig> staticSecrets = new ArrayList<>();
        final List<ExtensionConfig> extensions = new ArrayList<>();

        Sink(ParseOptions options) {
            this.options = options;
        }

        ConfigDump build() {
            return new ConfigDump(Set.copyOf(present), bootstrap, concat(dynamicClusters, staticClusters),
                    concat(dynamicListeners, staticListeners), concat(dynamicRoutes, staticRoutes),
                    concat(dynamicEndpoints, staticEndpoints), concat(warmingSecrets, activeSecrets, staticSecrets),
                    List.copyOf(extensions));
        }

        @SafeVarargs
        private static <T> List<T> concat(List<T>... lists) {
            List<T> all = new ArrayList<>();
            for (List<T> l : lists) {
                all.addAll(l);
            }
            return List.copyOf(all);
        }
    }
}
