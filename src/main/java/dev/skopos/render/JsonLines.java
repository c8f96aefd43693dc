package dev.skopos.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.ArrayList;
import java.util.List;

/** An Envoy object as pretty JSON lines, redacted first, keys tinted: the detail pane. */
public final class JsonLines {

    /** Two-space indent and {@code "key": value}, the way jq and Envoy print JSON. */
    private static final ObjectWriter WRITER = new ObjectMapper().writer(
            new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonLines() {
    }

    public static String json(JsonNode node) {
        try {
            return WRITER.writeValueAsString(Redactor.redact(node));
        } catch (JsonProcessingException e) {
            return "// cannot render as JSON: " + e.getOriginalMessage();
        }
    }

    public static List<StyledLine> of(JsonNode node) {
        List<StyledLine> lines = new ArrayList<>();
        for (String line : json(node).split("\n", -1)) {
            int indent = line.length() - line.stripLeading().length();
            String body = line.substring(indent);
            int colon = body.startsWith("\"") ? keyEnd(body) : -1;
            if (colon > 0) {
                lines.add(new StyledLine.Builder().add(line.substring(0, indent))
                        .add(body.substring(0, colon + 1), Tone.LABEL).add(body.substring(colon + 1)).build()
                        .withHangingIndent(indent + 2));
            } else {
                lines.add(StyledLine.plain(line).withHangingIndent(indent + 2));
            }
        }
        return lines;
    }

    /** Index of the colon after a quoted key, honouring escapes; -1 when the line is a bare value. */
    private static int keyEnd(String body) {
        for (int i = 1; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1 < body.length() && body.charAt(i + 1) == ':' ? i + 1 : -1;
            }
        }
        return -1;
    }
}
