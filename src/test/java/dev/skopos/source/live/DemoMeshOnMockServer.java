package dev.skopos.source.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.demo.DemoSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * The demo mesh served by the mock API server: the demo's namespaces, pods and services as
 * objects, and its proxies and istiod replicas answering through port-forwards. A live source on
 * it sees the demo's pods with the demo's Envoy configuration, so {@code skopos ... --kubeconfig}
 * must print what {@code skopos ... --demo} prints.
 */
public final class DemoMeshOnMockServer {

    /** The kinds copied: enough for the proxies view and the proxy commands. */
    static final List<ResourceKind> KINDS = List.of(ResourceKind.NAMESPACE, ResourceKind.POD, ResourceKind.SERVICE);

    private DemoMeshOnMockServer() {
    }

    public static void serve(MockApiServer api, DemoSource demo) {
        KubernetesClient client = api.client();
        for (ResourceKind kind : KINDS) {
            for (KubeObject o : demo.objects().list(kind, Scope.ALL)) {
                create(client, kind, o.raw());
            }
        }
        api.forwards().answers(DemoAnswers.sameNames(demo));
    }

    private static void create(KubernetesClient client, ResourceKind kind, JsonNode raw) {
        ObjectNode copy = raw.deepCopy();
        if (copy.get("metadata") instanceof ObjectNode meta) {
            meta.remove("resourceVersion"); // the server assigns it; a create carrying one is refused
        }
        GenericKubernetesResource r = client.getKubernetesSerialization().convertValue(copy, GenericKubernetesResource.class);
        var resources = client.genericKubernetesResources(MockCluster.context(kind));
        if (kind.namespaced()) {
            resources.inNamespace(r.getMetadata().getNamespace()).resource(r).create();
        } else {
            resources.resource(r).create();
        }
    }
}
