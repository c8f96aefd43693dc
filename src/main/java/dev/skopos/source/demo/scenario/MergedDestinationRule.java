package dev.skopos.source.demo.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;

/**
 * The DestinationRule Envoy effectively gets for one host: the oldest rule wins the trafficPolicy
 * and the name in the clusters' {@code istio.config} metadata; later rules only add subsets whose
 * names are still free (Istio's merge of rules for one host and namespace).
 */
public record MergedDestinationRule(JsonNode winner, List<JsonNode> subsets) {

    public MergedDestinationRule {
        subsets = List.copyOf(subsets);
    }

    /** {@code /apis/networking.istio.io/v1/namespaces/NS/destination-rule/NAME}, as Istio writes it. */
    public String configPath() {
        return Mesh.configPath(winner, "destination-rule");
    }

    public JsonNode trafficPolicy() {
        JsonNode policy = winner.path("spec").path("trafficPolicy");
        return policy.isMissingNode() ? MissingNode.getInstance() : policy;
    }

    /** The tls.mode of the winning rule, empty when the rule leaves TLS to auto-mTLS. */
    public String tlsMode() {
        return trafficPolicy().path("tls").path("mode").asText("");
    }
}
