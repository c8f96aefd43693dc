package dev.skopos.tui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.render.JsonLines;
import dev.skopos.render.StyledLine;
import java.util.List;

/** An Envoy object's raw JSON: pretty, redacted, scrollable, {@code /} searches. */
final class DetailView extends TextView {

    DetailView(String what, JsonNode raw) {
        super("json", what + " (json)", raw == null
                ? List.of(StyledLine.plain(" Envoy sent no JSON for this object"))
                : JsonLines.of(raw));
    }
}
