package dev.skopos.istiod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.SynczAnswer;
import java.util.List;

/**
 * The documents {@code istioctl proxy-status -o json|yaml} prints: each istiod's DiscoveryResponse
 * of ClientConfig as it came, minus the proxies outside {@code -n}. An old istiod's HTTP report is
 * turned into the same shape, so both formats print alike.
 */
public final class SyncDocuments {

    static final String CLIENT_CONFIG = "type.googleapis.com/envoy.service.status.v3.ClientConfig";
    /** The order istiod lists the types in a ClientConfig. */
    private static final List<String> XDS_ORDER = List.of(XdsTypes.CLUSTER, XdsTypes.LISTENER, XdsTypes.ROUTE,
            XdsTypes.ENDPOINT, XdsTypes.EXTENSION_CONFIG);

    private SyncDocuments() {
    }

    /**
     * @param namespace keep only proxies of this namespace; null or empty keeps all
     * @throws SynczParseException when the body is not the JSON its format promises
     */
    public static JsonNode document(SynczAnswer answer, String namespace) {
        if (answer.format() == SynczAnswer.Format.HTTP) {
            return fromHttp(answer, namespace);
        }
        String istiod = answer.istiod() == null ? "istiod" : answer.istiod().name();
        JsonNode root = SynczParser.read(istiod + " syncz (xds)", answer.body());
        if (!root.isObject()) {
            throw new SynczParseException(istiod + " syncz (xds): expected a DiscoveryResponse object");
        }
        ObjectNode doc = root.deepCopy();
        ArrayNode kept = doc.arrayNode();
        for (JsonNode resource : root.path("resources")) {
            JsonNode node = resource.path("node");
            String id = SynczParser.proxyId(node.path("id").asText(""));
            if (blank(namespace) || SynczParser.namespace(node.path("metadata"), id).equals(namespace)) {
                kept.add(resource);
            }
        }
        // protojson leaves out an empty repeated field, so filtering everything away drops the key.
        if (kept.isEmpty()) {
            doc.remove("resources");
        } else if (doc.has("resources")) {
            doc.set("resources", kept);
        }
        return doc;
    }

    /** The HTTP report as a DiscoveryResponse: a ClientConfig per proxy, states as configStatus. */
    private static JsonNode fromHttp(SynczAnswer answer, String namespace) {
        ObjectNode doc = SynczParser.MAPPER.createObjectNode();
        ArrayNode resources = doc.putArray("resources");
        for (ProxySync sync : SynczParser.parse(answer)) {
            if (!blank(namespace) && !sync.namespace().equals(namespace)) {
                continue;
            }
            ObjectNode config = resources.addObject();
            config.put("@type", CLIENT_CONFIG);
            ObjectNode node = config.putObject("node");
            node.put("id", sync.proxyId());
            ObjectNode metadata = node.putObject("metadata");
            metadata.put("CLUSTER_ID", sync.clusterId());
            metadata.put("ISTIO_VERSION", sync.istioVersion());
            if (!sync.namespace().isEmpty()) {
                metadata.put("NAMESPACE", sync.namespace());
            }
            ArrayNode types = config.putArray("genericXdsConfigs");
            for (String url : XDS_ORDER) {
                sync.types().stream().filter(t -> url.equals(t.typeUrl())).findFirst().ifPresent(t -> {
                    ObjectNode type = types.addObject().put("typeUrl", url);
                    if (t.state() != SyncState.IGNORED) {
                        type.put("configStatus", t.state().name());
                    }
                });
            }
        }
        if (resources.isEmpty()) {
            doc.remove("resources");
        }
        doc.put("typeUrl", CLIENT_CONFIG);
        String istiod = answer.istiod() == null ? "" : answer.istiod().name();
        ObjectNode identifier = SynczParser.MAPPER.createObjectNode().put("Component", "istiod").put("ID", istiod);
        doc.putObject("controlPlane").put("identifier", identifier.toString());
        return doc;
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}
