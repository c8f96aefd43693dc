package dev.skopos.source.demo.envoy;

import static dev.skopos.source.demo.Json.arr;
import static dev.skopos.source.demo.Json.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.demo.scenario.DemoPod;
import dev.skopos.source.demo.scenario.Mesh;
import dev.skopos.source.demo.scenario.ServicePort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Istio's EDS: for each EDS cluster, the ready pods the service selects, narrowed by the subset's
 * labels and grouped by locality. A subset nobody matches (reviews v3) gets an assignment with no
 * endpoints at all, which Envoy answers with 503 UH.
 */
public final class EndpointGenerator {

    private EndpointGenerator() {}

    /** One endpoint of a cluster: the pod and the port Envoy connects to. */
    public record Endpoint(DemoPod pod, int port) {}

    public static List<Endpoint> endpoints(Mesh mesh, ClusterSpec spec) {
        if (spec.type() != ClusterSpec.Type.EDS) {
            return List.of();
        }
        int target = spec.service().ports().stream().filter(p -> p.port() == spec.port())
                .mapToInt(ServicePort::targetPort).findFirst().orElse(spec.port());
        return mesh.endpointsOf(spec.service(), spec.subsetLabels()).stream().map(p -> new Endpoint(p, target)).toList();
    }

    public static ObjectNode loadAssignment(Mesh mesh, ClusterSpec spec) {
        Map<String, List<Object>> byZone = new LinkedHashMap<>();
        Map<String, ObjectNode> localities = new LinkedHashMap<>();
        for (Endpoint e : endpoints(mesh, spec)) {
            ObjectNode locality = BootstrapGenerator.locality(e.pod());
            String zone = locality.path("zone").asText();
            localities.put(zone, locality);
            byZone.computeIfAbsent(zone, z -> new ArrayList<>()).add(obj(
                    "endpoint", obj("address", obj("socket_address", obj("address", e.pod().ip(), "port_value", e.port())),
                            "health_check_config", obj()),
                    "health_status", "HEALTHY",
                    "metadata", obj("filter_metadata", obj("istio", obj("workload", e.pod().workload().name() + ";"
                            + e.pod().namespace() + ";" + e.pod().workload().app() + ";" + e.pod().workload().version()
                            + ";Kubernetes"))),
                    "load_balancing_weight", 1));
        }
        List<Object> groups = new ArrayList<>();
        byZone.forEach((zone, lbEndpoints) -> groups.add(obj("locality", localities.get(zone),
                "lb_endpoints", lbEndpoints, "load_balancing_weight", lbEndpoints.size())));
        return obj("@type", "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment",
                "cluster_name", spec.name(),
                "endpoints", groups.isEmpty() ? null : arr(groups),
                "policy", obj("overprovisioning_factor", 140));
    }

    public static ObjectNode configDump(ProxyView view, List<ClusterSpec> specs) {
        List<Object> dynamic = new ArrayList<>();
        for (ClusterSpec spec : specs) {
            if (spec.type() == ClusterSpec.Type.EDS) {
                dynamic.add(obj("endpoint_config", loadAssignment(view.mesh(), spec)));
            }
        }
        return obj("@type", "type.googleapis.com/envoy.admin.v3.EndpointsConfigDump",
                "dynamic_endpoint_configs", dynamic);
    }
}
