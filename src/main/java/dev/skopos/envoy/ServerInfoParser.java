package dev.skopos.envoy;

import com.fasterxml.jackson.databind.JsonNode;

/** Parses Envoy's {@code GET /server_info} (admin.v3.ServerInfo in proto3 JSON). */
public final class ServerInfoParser {

    private ServerInfoParser() {
    }

    /**
     * @throws EnvoyParseException when the answer is not a JSON object; missing fields become
     *         empty strings and zero durations
     */
    public static ServerInfo parse(String json) {
        JsonNode root = ProtoJson.readObject("server_info", json);
        JsonNode node = root.path("node");
        JsonNode metadata = node.path("metadata");
        return new ServerInfo(
                ProtoJson.text(root, "version"),
                ProtoJson.text(root, "state"),
                ProtoJson.duration(root.get("uptime_current_epoch")),
                ProtoJson.duration(root.get("uptime_all_epochs")),
                ProtoJson.text(node, "id"),
                ProtoJson.text(metadata, "ISTIO_VERSION"),
                ProtoJson.text(metadata, "CLUSTER_ID"));
    }
}
