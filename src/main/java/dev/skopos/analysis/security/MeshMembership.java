package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;

/**
 * Whether a pod takes part in the mesh, as istioctl's analyzers decide it: it already carries an
 * istio-proxy container, or it asks for injection (label, then annotation), or its namespace does;
 * ambient pods are recognised by the redirection annotation the CNI writes.
 */
final class MeshMembership {

    static final String INJECT = "sidecar.istio.io/inject";
    static final String AMBIENT_REDIRECTION = "ambient.istio.io/redirection";

    private MeshMembership() {
    }

    static boolean sidecarPod(Resource pod, ResourceSnapshot snapshot) {
        JsonNode spec = pod.spec();
        if (hasProxy(spec)) {
            return true;
        }
        // The pod's own choice wins over the namespace's: label first, then annotation.
        if (pod.labels().containsKey(INJECT)) {
            return "true".equals(pod.labels().get(INJECT));
        }
        if (pod.annotations().containsKey(INJECT)) {
            return "true".equals(pod.annotations().get(INJECT));
        }
        return snapshot.find("", "Namespace", "", pod.namespace())
                .map(ns -> "enabled".equals(ns.labels().get("istio-injection")))
                .orElse(false);
    }

    static boolean ambientPod(Resource pod) {
        return "enabled".equals(pod.annotations().get(AMBIENT_REDIRECTION));
    }

    /**
     * The first container (init containers after the others) named istio-proxy decides, and it
     * counts only when it names an image: a bare placeholder, as in istioctl's default gateway pod, does not.
     */
    private static boolean hasProxy(JsonNode spec) {
        for (String list : new String[] {"containers", "initContainers"}) {
            for (JsonNode c : spec.path(list)) {
                if ("istio-proxy".equals(c.path("name").asText())) {
                    return !c.path("image").asText("").isEmpty();
                }
            }
        }
        return false;
    }
}
