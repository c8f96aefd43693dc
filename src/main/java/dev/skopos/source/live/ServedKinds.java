package dev.skopos.source.live;

import dev.skopos.source.ResourceKind;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of skopos's kinds the cluster serves, and in which version, read from the API discovery
 * documents ({@code /apis}, then {@code /apis/GROUP/VERSION} for Istio's groups). Istio moved its
 * kinds from v1alpha3 over v1beta1 to v1 across releases and a cluster may serve any subset, so each
 * Istio kind gets the newest of {@link #ISTIO_VERSIONS} whose resource list names it.
 */
final class ServedKinds {

    /** Newest first: the version we prefer when several are served. */
    static final List<String> ISTIO_VERSIONS = List.of("v1", "v1beta1", "v1alpha3", "v1alpha1");
    /** Gateway API kinds graduate one by one (TCPRoute is still v1alpha2): newest first as well. */
    static final List<String> GATEWAY_API_VERSIONS = List.of("v1", "v1beta1", "v1alpha2");

    private ServedKinds() {
    }

    /** Blocking discovery (a handful of requests, each bounded by the client's request timeout). */
    static List<ResourceKind> discover(KubernetesClient client) {
        APIGroupList groups = client.getApiGroups();
        Map<String, Set<String>> versionsByGroup = new HashMap<>();
        if (groups != null && groups.getGroups() != null) {
            for (APIGroup g : groups.getGroups()) {
                versionsByGroup.put(g.getName(), g.getVersions() == null ? Set.of()
                        : g.getVersions().stream().map(GroupVersionForDiscovery::getVersion).collect(Collectors.toSet()));
            }
        }
        Map<String, Set<String>> pluralsByGroupVersion = new HashMap<>();
        List<ResourceKind> served = new ArrayList<>();
        for (ResourceKind kind : ResourceKind.ALL) {
            if (kind.group().isEmpty()) {
                served.add(kind); // the core group is always there
            } else if (isVersioned(kind)) {
                resolveVersion(client, kind, versionsByGroup, pluralsByGroupVersion).ifPresent(served::add);
            } else if (versionsByGroup.getOrDefault(kind.group(), Set.of()).contains(kind.version())) {
                served.add(kind);
            }
        }
        return List.copyOf(served);
    }

    static boolean isIstio(ResourceKind kind) {
        return kind.group().endsWith(".istio.io");
    }

    /** CRD-backed kinds whose served version varies by cluster: Istio's and the Gateway API's. */
    static boolean isVersioned(ResourceKind kind) {
        return isIstio(kind) || kind.group().equals(ResourceKind.GATEWAY_API_GROUP);
    }

    private static Optional<ResourceKind> resolveVersion(KubernetesClient client, ResourceKind kind,
                                                       Map<String, Set<String>> versionsByGroup,
                                                       Map<String, Set<String>> pluralsByGroupVersion) {
        Set<String> versions = versionsByGroup.getOrDefault(kind.group(), Set.of());
        for (String version : isIstio(kind) ? ISTIO_VERSIONS : GATEWAY_API_VERSIONS) {
            if (!versions.contains(version)) {
                continue;
            }
            String groupVersion = kind.group() + "/" + version;
            Set<String> plurals = pluralsByGroupVersion.computeIfAbsent(groupVersion, gv -> plurals(client, gv));
            if (plurals.contains(kind.plural())) {
                return Optional.of(new ResourceKind(kind.group(), version, kind.kind(), kind.plural(), kind.namespaced()));
            }
        }
        return Optional.empty();
    }

    private static Set<String> plurals(KubernetesClient client, String groupVersion) {
        APIResourceList list = client.getApiResources(groupVersion);
        if (list == null || list.getResources() == null) {
            return Set.of();
        }
        // Sub-resources ("virtualservices/status") are listed too; only the top-level names count.
        return list.getResources().stream().map(APIResource::getName)
                .filter(n -> n != null && !n.contains("/")).collect(Collectors.toSet());
    }
}
