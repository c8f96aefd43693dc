package dev.skopos.render.istioctl;

import dev.skopos.envoy.config.Proto;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Envoy's JSON as istioctl prints it after a round trip through Go protobuf: field names in
 * lowerCamelCase, map keys sorted, four-space indentation, and optionally two Go quirks:
 * {@code encoding/json} escaping {@code < > &} in what it re-indents (cluster, listener, route and
 * EDS dumps), and the old jsonpb marshaler's extra indentation inside {@code google.protobuf.Struct}
 * values (bootstrap and secret dumps).
 */
public final class GoJson {

    /** How a dump is written. */
    public enum Style {
        /** {@code json.MarshalIndent} over protojson: HTML characters escaped. */
        MARSHAL_INDENT(true, false),
        /** protojson's own multiline output (ECDS). */
        PROTOJSON(false, false),
        /** golang/protobuf jsonpb with an indent (bootstrap, secrets). */
        JSONPB(false, true);

        final boolean escapeHtml;
        final boolean structQuirk;

        Style(boolean escapeHtml, boolean structQuirk) {
            this.escapeHtml = escapeHtml;
            this.structQuirk = structQuirk;
        }
    }

    private static final String FOUR_SPACES = "    ";

    // Fields whose value is a protobuf map: keys are data (kept as written, sorted), values messages.
    private static final Set<String> MAP_FIELDS = Set.of("typed_per_filter_config", "typed_extension_protocol_options",
            "typed_filter_metadata", "key_values", "extension_protocol_options", "per_filter_config",
            "filter_metadata");
    // Map fields whose values are google.protobuf.Struct.
    private static final Set<String> STRUCT_MAP_FIELDS = Set.of("filter_metadata", "per_filter_config",
            "extension_protocol_options");

    private final Style style;
    /** One level of indentation: four spaces everywhere but the proxy-status comparator's three. */
    private final String unit;
    private final StringBuilder out = new StringBuilder();

    private GoJson(Style style, String indent) {
        this.style = style;
        this.unit = indent;
    }

    /** {@code node} (Envoy's snake_case JSON) as istioctl writes that message. No trailing newline. */
    public static String write(JsonNode node, Style style) {
        return write(node, style, FOUR_SPACES);
    }

    /** As {@link #write(JsonNode, Style)} with another indentation unit, e.g. jsonpb's {@code Indent: "   "}. */
    public static String write(JsonNode node, Style style, String indent) {
        GoJson w = new GoJson(style, indent);
        w.message(node, "");
        return w.out.toString();
    }

    /**
     * A list of messages, as {@code json.MarshalIndent(MessageSlice)} writes it. Each element was
     * unpacked from its Any, so its own {@code @type} is gone.
     */
    public static String writeList(List<JsonNode> nodes, Style style) {
        GoJson w = new GoJson(style, FOUR_SPACES);
        if (nodes.isEmpty()) {
            return "[]";
        }
        w.out.append("[\n");
        for (int i = 0; i < nodes.size(); i++) {
            w.out.append(FOUR_SPACES);
            JsonNode n = nodes.get(i);
            if (n.isObject() && n.has("@type")) {
                n = ((com.fasterxml.jackson.databind.node.ObjectNode) n.deepCopy()).without("@type");
            }
            w.message(n, FOUR_SPACES);
            w.out.append(i < nodes.size() - 1 ? ",\n" : "\n");
        }
        w.out.append("]");
        return w.out.toString();
    }

    /** A protobuf message (or any JSON value in message position) at key-line indent {@code ind}. */
    private void message(JsonNode n, String ind) {
        if (n.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            n.fields().forEachRemaining(fields::add);
            if (fields.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            for (int i = 0; i < fields.size(); i++) {
                String key = fields.get(i).getKey();
                JsonNode v = fields.get(i).getValue();
                out.append(ind).append(unit);
                string(key.startsWith("@") ? key : Proto.camel(key));
                out.append(": ");
                String snake = snake(key);
                if (MAP_FIELDS.contains(snake) && v.isObject()) {
                    map(v, ind + unit, STRUCT_MAP_FIELDS.contains(snake));
                } else if (isStruct(snake, v)) {
                    struct(v, ind + unit);
                } else if (v.isArray()) {
                    array(v, ind + unit);
                } else {
                    message(v, ind + unit);
                }
                out.append(i < fields.size() - 1 ? ",\n" : "\n");
            }
            out.append(ind).append('}');
        } else if (n.isArray()) {
            array(n, ind);
        } else {
            scalar(n);
        }
    }

    private void array(JsonNode arr, String ind) {
        if (arr.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        for (int i = 0; i < arr.size(); i++) {
            out.append(ind).append(unit);
            message(arr.get(i), ind + unit);
            out.append(i < arr.size() - 1 ? ",\n" : "\n");
        }
        out.append(ind).append(']');
    }

    /** A protobuf map at key-line indent {@code ind}: sorted keys; values messages or Structs. */
    private void map(JsonNode m, String ind, boolean structValues) {
        List<String> keys = sortedKeys(m);
        if (keys.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        for (int i = 0; i < keys.size(); i++) {
            out.append(ind).append(unit);
            string(keys.get(i));
            out.append(": ");
            JsonNode v = m.get(keys.get(i));
            if (structValues && v.isObject()) {
                struct(v, ind + unit);
            } else {
                message(v, ind + unit);
            }
            out.append(i < keys.size() - 1 ? ",\n" : "\n");
        }
        out.append(ind).append('}');
    }

    /**
     * A google.protobuf.Struct whose key line is at {@code ind}. Keys are data and sorted. jsonpb
     * writes a Struct's entries two levels deeper than the key and its closing brace one level
     * deeper; nested Structs drift one level further each.
     */
    private void struct(JsonNode s, String ind) {
        if (!style.structQuirk) {
            plainStruct(s, ind);
            return;
        }
        quirkStruct(s, ind);
    }

    private void plainStruct(JsonNode v, String ind) {
        if (v.isObject()) {
            List<String> keys = sortedKeys(v);
            if (keys.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            for (int i = 0; i < keys.size(); i++) {
                out.append(ind).append(unit);
                string(keys.get(i));
                out.append(": ");
                plainStruct(v.get(keys.get(i)), ind + unit);
                out.append(i < keys.size() - 1 ? ",\n" : "\n");
            }
            out.append(ind).append('}');
        } else if (v.isArray()) {
            if (v.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < v.size(); i++) {
                out.append(ind).append(unit);
                plainStruct(v.get(i), ind + unit);
                out.append(i < v.size() - 1 ? ",\n" : "\n");
            }
            out.append(ind).append(']');
        } else {
            scalar(v);
        }
    }

    /** jsonpb's layout: a Struct map written with marshal indent {@code m}. */
    private void quirkStruct(JsonNode obj, String m) {
        List<String> keys = sortedKeys(obj);
        if (keys.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            out.append(i > 0 ? ",\n" : "\n").append(m).append(unit).append(unit);
            string(keys.get(i));
            out.append(": ");
            quirkValue(obj.get(keys.get(i)), m + unit + unit);
        }
        out.append('\n').append(m).append(unit).append('}');
    }

    private void quirkValue(JsonNode v, String y) {
        if (v.isObject()) {
            quirkStruct(v, y + unit);
        } else if (v.isArray()) {
            String l = y + unit;
            out.append('[');
            for (int i = 0; i < v.size(); i++) {
                out.append(i > 0 ? "," : "").append('\n').append(l).append(unit).append(unit);
                quirkValue(v.get(i), l + unit + unit);
            }
            out.append('\n').append(l).append(unit).append(']');
        } else {
            scalar(v);
        }
    }

    /** Node metadata and build metadata are Structs; a {@code metadata} holding filter_metadata is a Metadata message. */
    private static boolean isStruct(String snake, JsonNode v) {
        if (!v.isObject()) {
            return false;
        }
        if (snake.equals("metadata")) {
            return !v.has("filter_metadata") && !v.has("filterMetadata") && !v.has("typed_filter_metadata")
                    && !v.has("typedFilterMetadata");
        }
        return false;
    }

    private static List<String> sortedKeys(JsonNode obj) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = obj.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        // Go sorts map keys by their bytes: UTF-16 order equals it for the BMP keys Envoy uses.
        keys.sort(null);
        return keys;
    }

    private void scalar(JsonNode v) {
        if (v.isTextual()) {
            string(v.asText());
        } else if (v.isNull() || v.isMissingNode()) {
            out.append("null");
        } else if (v.isBigDecimal() || v.isDouble() || v.isFloat()) {
            out.append(number(v));
        } else {
            out.append(v.asText());
        }
    }

    /** Go writes floats in the shortest form, without exponent below 1e21 and without ".0". */
    private static String number(JsonNode v) {
        java.math.BigDecimal d = v.decimalValue().stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return d.toPlainString();
    }

    private void string(String s) {
        quote(out, s, style.escapeHtml);
    }

    /** A string as Go's encoding/json writes it; {@code escapeHtml} also escapes {@code < > &}. */
    static void quote(StringBuilder out, String s, boolean escapeHtml) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || (escapeHtml && (c == '<' || c == '>' || c == '&'))) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static String snake(String key) {
        if (key.indexOf('_') >= 0 || key.startsWith("@")) {
            return key;
        }
        StringBuilder b = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
