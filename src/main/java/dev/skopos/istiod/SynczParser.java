package dev.skopos.istiod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skopos.source.SynczAnswer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns one istiod replica's sync report into per-proxy records. Two formats exist: the xDS debug
 * type {@code istio.io/debug/syncz} (a DiscoveryResponse of {@code envoy.service.status.v3.ClientConfig},
 * istiod 1.22+), read here, and the older HTTP {@code /debug/syncz} list, read by {@link HttpSyncz}.
 */
public final class SynczParser {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CLIENT_CONFIG = "type.googleapis.com/envoy.service.status.v3.ClientConfig";

    private SynczParser() {
    }

    /**
     * @return one entry per proxy, sorted by proxy id, types in {@link XdsTypes#DISPLAY_ORDER}
     * @throws SynczParseException when the body is not the JSON the format promises
     */
    public static List<ProxySync> parse(SynczAnswer answer) {
        String istiod = answer.istiod() == null ? "" : answer.istiod().name();
        String what = (istiod.isEmpty() ? "istiod" : istiod) + " syncz ("
                + (answer.format() == SynczAnswer.Format.HTTP ? "http" : "xds") + ")";
        JsonNode root = read(what, answer.body());
        List<ProxySync> out = answer.format() == SynczAnswer.Format.HTTP
                ? HttpSyncz.read(what, root, istiod)
                : readXds(what, root, istiod);
        return out.stream().sorted(Comparator.comparing(ProxySync::proxyId)).toList();
    }

    private static List<ProxySync> readXds(String what, JsonNode root, String fallbackIstiod) {
        if (!root.isObject()) {
            throw new SynczParseException(what + ": expected a DiscoveryResponse object");
        }
        String istiod = istiodId(root.path("controlPlane").path("identifier").asText(""), fallbackIstiod);
        List<ProxySync> out = new ArrayList<>();
        for (JsonNode resource : root.path("resources")) {
            String type = resource.path("@type").asText("");
            if (!type.isEmpty() && !type.equals(CLIENT_CONFIG)) {
                continue;
            }
            JsonNode node = resource.path("node");
            JsonNode metadata = node.path("metadata");
            List<TypeSync> types = new ArrayList<>();
            for (JsonNode config : field(resource, "genericXdsConfigs", "generic_xds_configs")) {
                types.add(typeSync(config));
            }
            types.sort(Comparator.comparing(TypeSync::shortName, XdsTypes.DISPLAY_ORDER));
            String id = proxyId(node.path("id").asText(""));
            out.add(new ProxySync(id, metadata.path("CLUSTER_ID").asText(""), istiod,
                    metadata.path("ISTIO_VERSION").asText(""), types, namespace(metadata, id)));
        }
        return out;
    }

    private static TypeSync typeSync(JsonNode config) {
        String typeUrl = field(config, "typeUrl", "type_url").asText("");
        String configStatus = field(config, "configStatus", "config_status").asText("");
        String clientStatus = field(config, "clientStatus", "client_status").asText("");
        JsonNode errorState = field(config, "errorState", "error_state");
        String error = errorState.path("details").asText("");
        SyncState state = "NACKED".equals(clientStatus) ? SyncState.ERROR : switch (configStatus) {
            case "SYNCED" -> SyncState.SYNCED;
            case "NOT_SENT" -> SyncState.NOT_SENT;
            case "STALE" -> SyncState.STALE;
            case "ERROR" -> SyncState.ERROR;
            // Omitted (proto default UNKNOWN): istiod tracks the type but the proxy never asked.
            default -> SyncState.IGNORED;
        };
        return new TypeSync(typeUrl, XdsTypes.shortName(typeUrl), state, null,
                instant(field(config, "lastUpdated", "last_updated").asText("")),
                error.isEmpty() ? null : error);
    }

    /** istioctl's {@code -n} reads the node's NAMESPACE metadata; ids of the {@code pod.ns} form say it too. */
    static String namespace(JsonNode metadata, String proxyId) {
        String ns = metadata.path("NAMESPACE").asText("");
        return ns.isEmpty() ? ProxySync.namespaceOf(proxyId) : ns;
    }

    /**
     * Which format a saved answer is in: a JSON object is a DiscoveryResponse (xDS), a list (or
     * {@code null}, Go's empty list) the HTTP report. Anything else is read as xDS and fails there.
     */
    public static SynczAnswer.Format formatOf(String body) {
        String s = body == null ? "" : body.stripLeading();
        return s.startsWith("[") || s.startsWith("null") ? SynczAnswer.Format.HTTP : SynczAnswer.Format.XDS;
    }

    /** istioctl names a proxy {@code pod.namespace}; Envoy node ids carry it as the third '~' field. */
    static String proxyId(String nodeId) {
        String[] parts = nodeId.split("~", -1);
        return parts.length >= 3 ? parts[2] : nodeId;
    }

    /** The identifier is itself JSON: {@code {"Component":"istiod","ID":"istiod-abc","Info":{...}}}. */
    private static String istiodId(String identifier, String fallback) {
        if (identifier.isBlank()) {
            return fallback;
        }
        try {
            String id = MAPPER.readTree(identifier).path("ID").asText("");
            return id.isEmpty() ? fallback : id;
        } catch (JsonProcessingException e) {
            return fallback;
        }
    }

    static JsonNode read(String what, String body) {
        if (body == null || body.isBlank()) {
            throw new SynczParseException(what + ": empty answer");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            int nl = reason.indexOf('\n');
            throw new SynczParseException(what + ": not JSON (" + (nl < 0 ? reason : reason.substring(0, nl)) + ")", e);
        }
    }

    /** protojson writes lowerCamelCase names, other encoders the proto names; accept both. */
    static JsonNode field(JsonNode node, String camel, String snake) {
        JsonNode v = node.path(camel);
        return v.isMissingNode() ? node.path(snake) : v;
    }

    static Instant instant(String rfc3339) {
        if (rfc3339.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(rfc3339).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
