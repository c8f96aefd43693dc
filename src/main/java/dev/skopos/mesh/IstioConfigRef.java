package dev.skopos.mesh;

import dev.skopos.source.ResourceKind;
import java.util.Map;
import java.util.Optional;

/**
 * The Istio object that produced an Envoy object, as Istio records it in
 * {@code metadata.filter_metadata.istio.config}: {@code /apis/networking.istio.io/v1/namespaces/
 * bookinfo/destination-rule/reviews}. Istio writes the kind in kebab case and the version it
 * served; we resolve the kind whatever the version.
 */
public record IstioConfigRef(String group, String version, String kebabKind, String namespace, String name) {

    private static final Map<String, ResourceKind> KINDS = Map.ofEntries(
            Map.entry("virtual-service", ResourceKind.VIRTUAL_SERVICE),
            Map.entry("destination-rule", ResourceKind.DESTINATION_RULE),
            Map.entry("gateway", ResourceKind.GATEWAY),
            Map.entry("service-entry", ResourceKind.SERVICE_ENTRY),
            Map.entry("sidecar", ResourceKind.SIDECAR),
            Map.entry("envoy-filter", ResourceKind.ENVOY_FILTER),
            Map.entry("workload-entry", ResourceKind.WORKLOAD_ENTRY),
            Map.entry("peer-authentication", ResourceKind.PEER_AUTHENTICATION),
            Map.entry("authorization-policy", ResourceKind.AUTHORIZATION_POLICY),
            Map.entry("request-authentication", ResourceKind.REQUEST_AUTHENTICATION));

    /** Parses the metadata path; empty for anything else (an HTTPRoute, a malformed path). */
    public static Optional<IstioConfigRef> parse(String path) {
        if (path == null) {
            return Optional.empty();
        }
        String[] p = path.split("/");
        // "", "apis", group, version, "namespaces", ns, kind, name
        if (p.length != 8 || !p[0].isEmpty() || !p[1].equals("apis") || !p[4].equals("namespaces")
                || p[5].isEmpty() || p[7].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IstioConfigRef(p[2], p[3], p[6], p[5], p[7]));
    }

    /** The kind to look up in the cluster's objects, if skopos knows it. */
    public Optional<ResourceKind> kind() {
        ResourceKind k = KINDS.get(kebabKind);
        if (k == null && group.equals("gateway.networking.k8s.io")) {
            return Optional.empty();
        }
        return Optional.ofNullable(k);
    }

    /** {@code DestinationRule bookinfo/reviews}, for titles and messages. */
    public String label() {
        return kind().map(ResourceKind::kind).orElse(kebabKind) + " " + namespace + "/" + name;
    }
}
