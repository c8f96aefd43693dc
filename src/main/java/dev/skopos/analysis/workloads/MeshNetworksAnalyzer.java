package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * istioctl's meshnetworks.MeshNetworksAnalyzer (IST0126): a MeshNetworks endpoint {@code fromRegistry}
 * naming neither a built-in registry nor a cluster known from a remote-cluster secret.
 */
final class MeshNetworksAnalyzer implements Analyzer {

    private static final Set<String> BUILT_IN = Set.of("Mock", "Kubernetes", "External");

    @Override
    public String name() {
        return "meshnetworks.MeshNetworksAnalyzer";
    }

    @Override
    public String description() {
        return "Check the validity of MeshNetworks in the cluster";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        JsonNode networks = snapshot.meshNetworks().path("networks");
        if (!networks.isObject()) {
            return;
        }
        Set<String> registries = new HashSet<>(BUILT_IN);
        for (Resource secret : snapshot.list("", "Secret")) {
            // Each key of a remote-cluster secret is a cluster id, and so a registry name.
            if ("true".equals(secret.labels().get("istio/multiCluster"))) {
                secret.body().path("data").fieldNames().forEachRemaining(registries::add);
                secret.body().path("stringData").fieldNames().forEachRemaining(registries::add);
            }
        }
        Resource meshNetworks = resource(snapshot.meshNetworks(), snapshot.rootNamespace());
        for (Iterator<Map.Entry<String, JsonNode>> it = networks.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> network = it.next();
            for (JsonNode endpoint : network.getValue().path("endpoints")) {
                JsonNode from = endpoint.get("fromRegistry");
                if (from != null && !registries.contains(from.asText())) {
                    reporter.report("UnknownMeshNetworksServiceRegistry", meshNetworks, from.asText(), network.getKey());
                }
            }
        }
    }

    /** istioctl names the mesh networks {@code MeshNetworks <root namespace>/meshnetworks}. */
    private static Resource resource(JsonNode body, String namespace) {
        var node = new ObjectMapper().createObjectNode();
        node.put("apiVersion", "install.istio.io/v1alpha1");
        node.put("kind", "MeshNetworks");
        node.putObject("metadata").put("name", "meshnetworks").put("namespace", namespace);
        node.set("spec", body);
        return Resource.of(node, "");
    }
}
