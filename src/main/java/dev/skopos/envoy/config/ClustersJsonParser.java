package dev.skopos.envoy.config;

import static dev.skopos.envoy.config.Proto.get;
import static dev.skopos.envoy.config.Proto.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.skopos.envoy.EnvoyParseException;
import java.util.ArrayList;
import java.util.List;

/** Envoy's {@code /clusters?format=json} to {@link ClusterStatus} records, in Envoy's order. */
public final class ClustersJsonParser {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ClustersJsonParser() {
    }

    public static List<ClusterStatus> parse(String body, boolean keepRaw) {
        if (body == null || body.isBlank()) {
            throw new EnvoyParseException("clusters: empty answer");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String what = e.getMessage() != null && e.getMessage().contains("end-of-input") ? "truncated JSON" : "not JSON";
            throw new EnvoyParseException("clusters: " + what + " (" + EnvoyParseException.oneLine(e) + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new EnvoyParseException("clusters: expected a JSON object (was it saved without ?format=json?)");
        }
        List<ClusterStatus> out = new ArrayList<>();
        int i = 0;
        for (JsonNode c : get(root, "cluster_statuses")) {
            if (!c.isObject()) {
                throw new EnvoyParseException("clusters: cluster_statuses[" + i + "]: not an object");
            }
            String name = text(c, "name");
            List<EndpointConfig.Endpoint> hosts = new ArrayList<>();
            for (JsonNode h : get(c, "host_statuses")) {
                hosts.add(EndpointReader.host(name, h));
            }
            out.add(new ClusterStatus(name, get(c, "added_via_api").asBoolean(false), List.copyOf(hosts),
                    keepRaw ? c : null));
            i++;
        }
        return List.copyOf(out);
    }
}
