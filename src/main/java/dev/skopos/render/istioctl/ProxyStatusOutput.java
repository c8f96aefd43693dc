package dev.skopos.render.istioctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code istioctl proxy-status -o json|yaml}: each istiod's answer written on its own, the way
 * istioctl marshals a DiscoveryResponse (golang/protobuf jsonpb, four spaces, so node metadata,
 * a Struct, gets jsonpb's extra indentation) and prints it with {@code Fprintln}.
 */
public final class ProxyStatusOutput {

    private ProxyStatusOutput() {
    }

    public static String json(List<JsonNode> documents) {
        StringBuilder out = new StringBuilder();
        for (JsonNode doc : documents) {
            out.append(GoJson.write(doc, GoJson.Style.JSONPB)).append('\n');
        }
        return out.toString();
    }

    /** JSON converted by go-yaml, which ends in a newline, then Fprintln's: one blank line after each. */
    public static String yaml(List<JsonNode> documents) {
        StringBuilder out = new StringBuilder();
        for (JsonNode doc : documents) {
            out.append(GoYaml.of(doc)).append('\n');
        }
        return out.toString();
    }
}
