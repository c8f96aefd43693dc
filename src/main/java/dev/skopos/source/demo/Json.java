package dev.skopos.source.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/**
 * JSON literals for the demo generators: {@code obj("name", "x", "port", 80)} reads like the JSON it
 * builds, which keeps the Envoy and Kubernetes shapes recognisable in the code. A null value drops
 * its key, the way Envoy and protojson omit unset fields.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Envoy's admin pretty-prints with two spaces and {@code "key": value}. */
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {}

    public static ObjectNode obj(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of key/value arguments");
        }
        ObjectNode node = F.objectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                node.set((String) keysAndValues[i], node(value));
            }
        }
        return node;
    }

    public static ArrayNode arr(Object... items) {
        ArrayNode node = F.arrayNode();
        for (Object item : items) {
            if (item != null) {
                node.add(node(item));
            }
        }
        return node;
    }

    public static ArrayNode arr(Collection<?> items) {
        return arr(items.toArray());
    }

    public static JsonNode node(Object value) {
        if (value instanceof JsonNode n) {
            return n;
        }
        if (value instanceof String s) {
            return F.textNode(s);
        }
        if (value instanceof Integer i) {
            return F.numberNode(i);
        }
        if (value instanceof Long l) {
            return F.numberNode(l);
        }
        if (value instanceof Double d) {
            return F.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (value instanceof Collection<?> c) {
            return arr(c);
        }
        if (value instanceof Map<?, ?> m) {
            ObjectNode node = F.objectNode();
            m.forEach((k, v) -> {
                if (v != null) {
                    node.set(String.valueOf(k), node(v));
                }
            });
            return node;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }

    /** Pretty JSON as Envoy's admin prints it. */
    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compact JSON, e.g. for values embedded as strings (controlPlane.identifier). */
    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
