package dev.skopos.envoy.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads one JSON value from a streaming parser into a Jackson tree, with jackson-core alone.
 *
 * <p>Why not {@code ObjectMapper.readTree}: building an {@code ObjectMapper} loads some 300
 * databind classes, about 150 ms of a one-shot {@code skopos proxy-config} run on a cold JVM,
 * and the config dump needs none of them: only the node classes. The trees are the ones the
 * mapper would build with {@code USE_BIG_DECIMAL_FOR_FLOATS} (ints as Int/Long/BigIntegerNode,
 * floats as DecimalNode without trailing zeros, the last of duplicate keys wins), so records,
 * {@code -o json} and the TUI see no difference; {@code JsonTreesTest} holds them to that.
 */
final class JsonTrees {

    /** The parser factory of the config dump readers: no codec, so nothing pulls databind in. */
    static final JsonFactory FACTORY = new JsonFactory();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** The value starting at {@code p}'s current token; leaves {@code p} on the value's last token. */
    static JsonNode read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IllegalStateException("no current token");
        }
        return switch (t) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            case VALUE_STRING -> TextNode.valueOf(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> IntNode.valueOf(p.getIntValue());
                case LONG -> LongNode.valueOf(p.getLongValue());
                default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> decimal(p.getDecimalValue());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.instance;
            default -> throw new IllegalStateException("unexpected token " + t);
        };
    }

    private static ObjectNode object(JsonParser p) throws IOException {
        ObjectNode node = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            node.set(name, read(p));
        }
        return node;
    }

    private static ArrayNode array(JsonParser p) throws IOException {
        ArrayNode node = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) { // streaming parsers throw on a truncated array; tree parsers just end
                throw new IllegalStateException("array without its end");
            }
            node.add(read(p));
        }
        return node;
    }

    /** As databind normalises floats read as BigDecimal: {@code 1.50} is {@code 1.5}, {@code 0.0} is {@code 0}. */
    private static DecimalNode decimal(BigDecimal v) {
        return DecimalNode.valueOf(v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros());
    }
}
