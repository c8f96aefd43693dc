package dev.skopos.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Removes private keys and tokens before anything is shown, logged or saved: Secret data,
 * PEM private-key blocks anywhere, bearer tokens, and values of fields or env vars whose name
 * says token, password, secret or key material. Works on a copy; the input is not touched.
 */
public final class Redactor {

    public static final String REDACTED = "[redacted]";

    private static final Pattern PRIVATE_KEY_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----.*?-----END \\1PRIVATE KEY-----", Pattern.DOTALL);
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern SENSITIVE_NAME = Pattern.compile(
            "(?i).*(token|password|passwd|secret|private[_-]?key|api[_-]?key|credential).*");

    private Redactor() {
    }

    public static JsonNode redact(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        boolean secret = "Secret".equals(copy.path("kind").asText()) && copy.path("apiVersion").asText().equals("v1");
        if (secret && copy instanceof ObjectNode obj) {
            for (String field : new String[] {"data", "stringData"}) {
                if (obj.get(field) instanceof ObjectNode data) {
                    data.fieldNames().forEachRemaining(name -> data.put(name, REDACTED));
                }
            }
            if (obj.path("metadata").path("annotations")
                    .get("kubectl.kubernetes.io/last-applied-configuration") != null) {
                ((ObjectNode) obj.get("metadata").get("annotations"))
                        .put("kubectl.kubernetes.io/last-applied-configuration", REDACTED);
            }
        }
        walk(copy);
        return copy;
    }

    /** Redacts free text: a log line, a raw admin answer. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = PRIVATE_KEY_BLOCK.matcher(text).replaceAll(REDACTED);
        return BEARER.matcher(out).replaceAll("$1" + REDACTED);
    }

    private static void walk(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            // Kubernetes env entries: {name: API_TOKEN, value: ...}
            if (obj.has("name") && obj.has("value") && obj.get("value").isTextual()
                    && SENSITIVE_NAME.matcher(obj.get("name").asText()).matches()) {
                obj.put("value", REDACTED);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode value = e.getValue();
                if (value.isTextual()) {
                    if (isSensitiveField(e.getKey())) {
                        e.setValue(TextNode.valueOf(REDACTED));
                    } else {
                        String text = value.asText();
                        String redacted = redact(text);
                        if (!redacted.equals(text)) {
                            e.setValue(TextNode.valueOf(redacted));
                        }
                    }
                } else {
                    walk(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isTextual()) {
                    array.set(i, TextNode.valueOf(redact(item.asText())));
                } else {
                    walk(item);
                }
            }
        }
    }

    /** Field names that hold secrets themselves (not names of secrets, like secretName). */
    private static boolean isSensitiveField(String field) {
        String f = field.toLowerCase(java.util.Locale.ROOT);
        return f.equals("token") || f.equals("password") || f.equals("private_key") || f.equals("privatekey")
                || f.equals("client-key-data") || f.equals("id-token") || f.equals("refresh-token")
                || f.equals("access-token") || f.equals("bearertoken");
    }
}
