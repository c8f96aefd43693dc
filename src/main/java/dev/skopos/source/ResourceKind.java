package dev.skopos.source;

import java.util.List;

/**
 * A Kubernetes or Istio resource kind as the API server serves it. Sources list objects by kind;
 * the constants cover what skopos reads, and live sources may add versions the cluster serves.
 */
public record ResourceKind(String group, String version, String kind, String plural, boolean namespaced) {

    public static final String GATEWAY_API_GROUP = "gateway.networking.k8s.io";

    public static final ResourceKind NAMESPACE = core("Namespace", "namespaces", false);
    public static final ResourceKind POD = core("Pod", "pods", true);
    public static final ResourceKind SERVICE = core("Service", "services", true);
    public static final ResourceKind CONFIG_MAP = core("ConfigMap", "configmaps", true);
    public static final ResourceKind SECRET = core("Secret", "secrets", true);
    public static final ResourceKind ENDPOINT_SLICE =
            new ResourceKind("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true);
    public static final ResourceKind DEPLOYMENT = new ResourceKind("apps", "v1", "Deployment", "deployments", true);
    public static final ResourceKind REPLICA_SET = new ResourceKind("apps", "v1", "ReplicaSet", "replicasets", true);

    public static final ResourceKind VIRTUAL_SERVICE = networking("VirtualService", "virtualservices");
    public static final ResourceKind DESTINATION_RULE = networking("DestinationRule", "destinationrules");
    public static final ResourceKind GATEWAY = networking("Gateway", "gateways");
    public static final ResourceKind SERVICE_ENTRY = networking("ServiceEntry", "serviceentries");
    public static final ResourceKind SIDECAR = networking("Sidecar", "sidecars");
    public static final ResourceKind WORKLOAD_ENTRY = networking("WorkloadEntry", "workloadentries");
    public static final ResourceKind WORKLOAD_GROUP = networking("WorkloadGroup", "workloadgroups");
    public static final ResourceKind ENVOY_FILTER =
            new ResourceKind("networking.istio.io", "v1alpha3", "EnvoyFilter", "envoyfilters", true);
    public static final ResourceKind PEER_AUTHENTICATION = security("PeerAuthentication", "peerauthentications");
    public static final ResourceKind REQUEST_AUTHENTICATION = security("RequestAuthentication", "requestauthentications");
    public static final ResourceKind AUTHORIZATION_POLICY = security("AuthorizationPolicy", "authorizationpolicies");
    public static final ResourceKind TELEMETRY = new ResourceKind("telemetry.istio.io", "v1", "Telemetry", "telemetries", true);
    public static final ResourceKind WASM_PLUGIN =
            new ResourceKind("extensions.istio.io", "v1alpha1", "WasmPlugin", "wasmplugins", true);
    public static final ResourceKind PROXY_CONFIG =
            new ResourceKind("networking.istio.io", "v1beta1", "ProxyConfig", "proxyconfigs", true);

    // Gateway API: served only where its CRDs are installed, in whichever version the cluster has.
    public static final ResourceKind GATEWAY_CLASS = gatewayApi("GatewayClass", "gatewayclasses", false);
    public static final ResourceKind K8S_GATEWAY = gatewayApi("Gateway", "gateways", true);
    public static final ResourceKind HTTP_ROUTE = gatewayApi("HTTPRoute", "httproutes", true);
    public static final ResourceKind GRPC_ROUTE = gatewayApi("GRPCRoute", "grpcroutes", true);
    public static final ResourceKind TCP_ROUTE =
            new ResourceKind(GATEWAY_API_GROUP, "v1alpha2", "TCPRoute", "tcproutes", true);
    public static final ResourceKind TLS_ROUTE =
            new ResourceKind(GATEWAY_API_GROUP, "v1alpha2", "TLSRoute", "tlsroutes", true);
    public static final ResourceKind REFERENCE_GRANT =
            new ResourceKind(GATEWAY_API_GROUP, "v1beta1", "ReferenceGrant", "referencegrants", true);

    /** Every kind a source should be able to list, in display order. */
    public static final List<ResourceKind> ALL = List.of(
            NAMESPACE, POD, SERVICE, CONFIG_MAP, SECRET, ENDPOINT_SLICE, DEPLOYMENT, REPLICA_SET,
            VIRTUAL_SERVICE, DESTINATION_RULE, GATEWAY, SERVICE_ENTRY, SIDECAR, WORKLOAD_ENTRY, WORKLOAD_GROUP,
            ENVOY_FILTER, PEER_AUTHENTICATION, REQUEST_AUTHENTICATION, AUTHORIZATION_POLICY, TELEMETRY,
            WASM_PLUGIN, PROXY_CONFIG, GATEWAY_CLASS, K8S_GATEWAY, HTTP_ROUTE, GRPC_ROUTE, TCP_ROUTE, TLS_ROUTE,
            REFERENCE_GRANT);

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** True when both name the same kind, whatever version each is served in. */
    public boolean sameKind(ResourceKind other) {
        return group.equals(other.group) && kind.equals(other.kind);
    }

    private static ResourceKind core(String kind, String plural, boolean namespaced) {
        return new ResourceKind("", "v1", kind, plural, namespaced);
    }

    private static ResourceKind networking(String kind, String plural) {
        return new ResourceKind("networking.istio.io", "v1", kind, plural, true);
    }

    private static ResourceKind gatewayApi(String kind, String plural, boolean namespaced) {
        return new ResourceKind(GATEWAY_API_GROUP, "v1", kind, plural, namespaced);
    }

    /** Whether a manifest's {@code apiVersion} and {@code kind} name this kind (any version). */
    public boolean matches(String apiVersion, String kindName) {
        int slash = apiVersion.lastIndexOf('/');
        String g = slash < 0 ? "" : apiVersion.substring(0, slash);
        return kind.equals(kindName) && group.equals(g);
    }

    private static ResourceKind security(String kind, String plural) {
        return new ResourceKind("security.istio.io", "v1", kind, plural, true);
    }
}
