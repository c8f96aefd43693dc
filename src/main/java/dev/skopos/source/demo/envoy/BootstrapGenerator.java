package dev.skopos.source.demo.envoy;

import static dev.skopos.source.demo.Json.arr;
import static dev.skopos.source.demo.Json.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.demo.Json;
import dev.skopos.source.demo.scenario.DemoPod;
import dev.skopos.source.demo.scenario.DemoWorkload;
import dev.skopos.source.demo.scenario.Mesh;
import java.util.List;
import java.util.Map;

/**
 * What istio-agent writes into Envoy's bootstrap: the xDS node (id, cluster, metadata istiod keys
 * on) and the static clusters for stats, the agent, SDS and xDS.
 */
public final class BootstrapGenerator {

    public static final String ENVOY_SHA = "2bf1a8dcd2e4b1ab26d1a1b8d2a2e0c4f3a8a9b7";
    public static final String ENVOY_VERSION = "1.36.2-dev";
    public static final String ISTIO_PROXY_SHA = "c3b1e4f0a7d5a8b2e6f9c0d1a2b3c4d5e6f7a8b9";

    private BootstrapGenerator() {}

    /** {@code sidecar~IP~POD.NS~NS.svc.cluster.local}; gateways are {@code router~...}. */
    public static String nodeId(DemoPod pod) {
        return (pod.gateway() ? "router" : "sidecar") + "~" + pod.ip() + "~" + pod.name() + "." + pod.namespace()
                + "~" + pod.namespace() + ".svc.cluster.local";
    }

    public static ObjectNode locality(DemoPod pod) {
        String zone = switch (pod.node()) {
            case "demo-node-1" -> "us-east1-b";
            case "demo-node-2" -> "us-east1-c";
            default -> "us-east1-d";
        };
        return obj("region", "us-east1", "zone", zone);
    }

    public static ObjectNode node(Mesh mesh, DemoPod pod) {
        DemoWorkload w = pod.workload();
        String version = mesh.scenario().istioVersion();
        List<Object> podPorts = w.ports().stream()
                .map(p -> (Object) obj("name", p.name().isEmpty() ? null : p.name(), "containerPort", p.port(), "protocol", "TCP"))
                .toList();
        ObjectNode metadata = obj(
                "ANNOTATIONS", obj("istio.io/rev", "default", "kubectl.kubernetes.io/default-container",
                        pod.gateway() ? null : w.name(), "kubernetes.io/config.seen",
                        mesh.ago(pod.age()).toString(), "kubernetes.io/config.source", "api"),
                "APP_CONTAINERS", pod.gateway() ? null : w.app(),
                "CLUSTER_ID", "Kubernetes",
                "ENVOY_PROMETHEUS_PORT", 15090,
                "ENVOY_STATUS_PORT", 15021,
                "INSTANCE_IPS", pod.ip(),
                "INTERCEPTION_MODE", "REDIRECT",
                "ISTIO_PROXY_SHA", ISTIO_PROXY_SHA,
                "ISTIO_VERSION", version,
                "LABELS", mesh.podLabels(pod),
                "MESH_ID", "cluster.local",
                "NAME", pod.name(),
                "NAMESPACE", pod.namespace(),
                "NODE_NAME", pod.node(),
                "OWNER", "kubernetes://apis/apps/v1/namespaces/" + pod.namespace() + "/deployments/" + w.name(),
                "PILOT_SAN", arr("istiod.istio-system.svc"),
                "POD_PORTS", Json.compact(arr(podPorts)),
                "PROXY_CONFIG", obj("binaryPath", "/usr/local/bin/envoy", "concurrency", 2, "configPath", "./etc/istio/proxy",
                        "discoveryAddress", "istiod.istio-system.svc:15012", "drainDuration", "45s",
                        "proxyAdminPort", 15000, "serviceCluster", "istio-proxy", "statNameLength", 189,
                        "statusPort", 15020, "terminationDrainDuration", "5s"),
                "SERVICE_ACCOUNT", w.serviceAccount(),
                "WORKLOAD_NAME", w.name());
        if (w.sidecar() == DemoWorkload.Sidecar.NATIVE) {
            metadata.put("NATIVE_SIDECAR", "true");
        }
        return obj("id", nodeId(pod),
                "cluster", w.app() + "." + pod.namespace(),
                "metadata", metadata,
                "locality", locality(pod),
                "user_agent_name", "envoy",
                "user_agent_build_version", obj("version", obj("major_number", 1, "minor_number", 36, "patch", 2),
                        "metadata", obj("build.label", "dev", "build.type", "RELEASE", "revision.sha", ENVOY_SHA,
                                "revision.status", "Clean", "ssl.version", "BoringSSL")));
    }

    static List<ObjectNode> staticClusters() {
        return List.of(
                staticCluster("prometheus_stats", obj("socket_address", obj("address", "127.0.0.1", "port_value", 15000))),
                staticCluster("agent", obj("socket_address", obj("address", "127.0.0.1", "port_value", 15020))),
                staticCluster("sds-grpc", obj("pipe", obj("path", "./var/run/secrets/workload-spiffe-uds/socket"))),
                staticCluster("xds-grpc", obj("pipe", obj("path", "./etc/istio/proxy/XDS"))));
    }

    private static ObjectNode staticCluster(String name, ObjectNode address) {
        ObjectNode c = obj("@type", "type.googleapis.com/envoy.config.cluster.v3.Cluster", "name", name,
                "type", "STATIC", "connect_timeout", name.equals("xds-grpc") ? "1s" : "0.250s",
                "load_assignment", obj("cluster_name", name, "endpoints", arr(obj("lb_endpoints",
                        arr(obj("endpoint", obj("address", address)))))));
        if (name.endsWith("grpc")) {
            c.set("typed_extension_protocol_options", obj("envoy.extensions.upstreams.http.v3.HttpProtocolOptions", obj(
                    "@type", "type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions",
                    "explicit_http_config", obj("http2_protocol_options", obj()))));
        }
        return c;
    }

    public static ObjectNode configDump(Mesh mesh, DemoPod pod) {
        ObjectNode ads = obj("ads", obj(), "initial_fetch_timeout", "0s", "resource_api_version", "V3");
        ObjectNode bootstrap = obj(
                "node", node(mesh, pod),
                "static_resources", obj("clusters", staticClusters()),
                "dynamic_resources", obj("lds_config", ads, "cds_config", ads.deepCopy(),
                        "ads_config", obj("api_type", "GRPC", "set_node_on_first_message_only", true,
                                "transport_api_version", "V3",
                                "grpc_services", arr(obj("envoy_grpc", obj("cluster_name", "xds-grpc"))))),
                "stats_config", obj("use_all_default_tags", false, "stats_matcher", obj("inclusion_list", obj("patterns",
                        arr(obj("prefix", "reporter="), obj("prefix", "cluster_manager"), obj("prefix", "listener_manager"),
                                obj("prefix", "server"), obj("prefix", "cluster.xds-grpc"), obj("prefix", "wasm"),
                                obj("suffix", "rbac.allowed"), obj("suffix", "rbac.denied"), obj("prefix", "component"))))),
                "admin", obj("address", obj("socket_address", obj("address", "127.0.0.1", "port_value", 15000)),
                        "profile_path", "/var/lib/istio/data/envoy.prof"),
                "layered_runtime", obj("layers", arr(obj("name", "global config", "static_layer",
                        Map.of("overload.global_downstream_max_connections", 2147483647,
                                "re2.max_program_size.error_level", "32768")), obj("name", "admin", "admin_layer", obj()))));
        return obj("@type", "type.googleapis.com/envoy.admin.v3.BootstrapConfigDump",
                "bootstrap", bootstrap,
                "last_updated", EnvoyTime.format(mesh.ago(pod.proxyUptime())));
    }
}
