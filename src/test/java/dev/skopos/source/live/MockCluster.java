package dev.skopos.source.live;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import dev.skopos.source.ResourceKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the CRUD mock API server lacks for a live source: the discovery documents of an older Istio
 * (networking in v1beta1 and v1alpha3, security in v1, no telemetry) and SelfSubjectAccessReview
 * answers that deny the plurals given. Everything else is served by CRUD.
 */
final class MockCluster {

    static final String SSAR_PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    private MockCluster() {
    }

    static void serveDiscovery(KubernetesMockServer server) {
        server.expect().get().withPath("/apis").andReturn(200, new APIGroupListBuilder()
                .addToGroups(group("apps", "v1"), group("discovery.k8s.io", "v1"),
                        group("authorization.k8s.io", "v1"),
                        group("networking.istio.io", "v1beta1", "v1alpha3"),
                        group("security.istio.io", "v1", "v1beta1"),
                        group("telemetry.istio.io", "v1alpha1"),
                        group("extensions.istio.io", "v1alpha1"),
                        group("gateway.networking.k8s.io", "v1", "v1alpha2"))
                .build()).always();
        resources(server, "extensions.istio.io/v1alpha1", List.of("wasmplugins"));
        resources(server, "gateway.networking.k8s.io/v1", List.of("gatewayclasses", "gateways", "httproutes"));
        resources(server, "gateway.networking.k8s.io/v1alpha2", List.of("httproutes", "tcproutes"));
        List<String> networking = List.of("virtualservices", "destinationrules", "gateways", "serviceentries",
                "sidecars", "workloadentries", "workloadgroups");
        resources(server, "networking.istio.io/v1beta1", concat(networking, List.of("proxyconfigs")));
        resources(server, "networking.istio.io/v1alpha3",
                concat(networking, List.of("envoyfilters", "virtualservices/status")));
        List<String> security = List.of("peerauthentications", "requestauthentications", "authorizationpolicies");
        resources(server, "security.istio.io/v1", security);
        resources(server, "security.istio.io/v1beta1", security);
    }

    /** SelfSubjectAccessReviews answered allowed, except for the plurals named. */
    static void denyPlurals(KubernetesMockServer server, Set<String> denied) {
        server.expect().post().withPath(SSAR_PATH).andReply(200, request -> {
            SelfSubjectAccessReview review = Serialization.unmarshal(request.getUtf8Body(), SelfSubjectAccessReview.class);
            boolean allowed = !denied.contains(review.getSpec().getResourceAttributes().getResource());
            review.setStatus(new SubjectAccessReviewStatusBuilder().withAllowed(allowed).build());
            return review;
        }).always();
    }

    static ResourceDefinitionContext context(ResourceKind kind) {
        return new ResourceDefinitionContext.Builder().withGroup(kind.group()).withVersion(kind.version())
                .withKind(kind.kind()).withPlural(kind.plural()).withNamespaced(kind.namespaced()).build();
    }

    /** Creates an object of any kind, Istio's included, through generic resources (no CRD needed in CRUD mode). */
    static GenericKubernetesResource create(KubernetesClient client, ResourceKind kind, String namespace, String name,
                                            Map<String, Object> spec) {
        GenericKubernetesResource r = new GenericKubernetesResourceBuilder()
                .withApiVersion(kind.apiVersion()).withKind(kind.kind())
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withAdditionalProperties(Map.of("spec", spec)).build();
        return client.genericKubernetesResources(context(kind)).inNamespace(namespace).resource(r).create();
    }

    private static io.fabric8.kubernetes.api.model.APIGroup group(String name, String... versions) {
        return new APIGroupBuilder().withName(name)
                .withVersions(Arrays.stream(versions).map(v -> new GroupVersionForDiscoveryBuilder()
                        .withGroupVersion(name + "/" + v).withVersion(v).build()).toList())
                .withPreferredVersion(new GroupVersionForDiscoveryBuilder()
                        .withGroupVersion(name + "/" + versions[0]).withVersion(versions[0]).build())
                .build();
    }

    private static void resources(KubernetesMockServer server, String groupVersion, List<String> plurals) {
        server.expect().get().withPath("/apis/" + groupVersion).andReturn(200, new APIResourceListBuilder()
                .withGroupVersion(groupVersion)
                .withResources(plurals.stream().map(p -> new APIResourceBuilder().withName(p).withNamespaced(true)
                        .withKind(p).withVerbs("list", "watch").build()).toList())
                .build()).always();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
