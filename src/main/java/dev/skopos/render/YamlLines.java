package dev.skopos.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.List;

/** An object as YAML lines (keys tinted), redacted first: what {@code y} shows. */
public final class YamlLines {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private YamlLines() {
    }

    public static String yaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(Redactor.redact(node));
        } catch (JsonProcessingException e) {
            return "# cannot render as YAML: " + e.getOriginalMessage();
        }
    }

    public static List<StyledLine> of(JsonNode node) {
        List<StyledLine> lines = new ArrayList<>();
        for (String line : yaml(node).split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int colon = keyEnd(line);
            if (colon > 0) {
                lines.add(new StyledLine.Builder().add(line.substring(0, colon + 1), Tone.LABEL)
                        .add(line.substring(colon + 1)).build());
            } else {
                lines.add(StyledLine.plain(line));
            }
        }
        return lines;
    }

    /** Index of the colon ending a plain mapping key on this line, or -1. */
    private static int keyEnd(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '-')) {
            i++;
        }
        if (i < line.length() && (line.charAt(i) == '"' || line.charAt(i) == '\'')) {
            return -1;
        }
        int colon = line.indexOf(": ", i);
        if (colon < 0 && line.endsWith(":")) {
            colon = line.length() - 1;
        }
        return colon;
    }
}
