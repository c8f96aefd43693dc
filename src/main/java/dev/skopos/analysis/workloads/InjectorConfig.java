package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.skopos.analysis.Resource;

/** Reads the sidecar injector ConfigMap's {@code values} (Helm values as JSON), as istioctl does. */
final class InjectorConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InjectorConfig() {
    }

    /** istio-sidecar-injector for the default revision, istio-sidecar-injector-REV otherwise. */
    static String configMapName(String revision) {
        return revision == null || revision.isEmpty() || revision.equals("default")
                ? Kube.INJECTOR_CONFIGMAP : Kube.INJECTOR_CONFIGMAP + "-" + revision;
    }

    static JsonNode values(Resource configMap) {
        try {
            JsonNode v = JSON.readTree(configMap.body().path("data").path("values").asText(""));
            return v == null ? MissingNode.getInstance() : v;
        } catch (Exception e) {
            return MissingNode.getInstance(); // unreadable values: treated as absent, as istioctl does
        }
    }

    static boolean enableNamespacesByDefault(Resource configMap) {
        return values(configMap).path("sidecarInjectorWebhook").path("enableNamespacesByDefault").asBoolean(false);
    }

    /** The proxy image the injector uses: global.proxy.image when a full reference, else hub/image:tag. */
    static String proxyImage(Resource configMap) {
        JsonNode values = values(configMap);
        if (values.isMissingNode()) {
            return "";
        }
        JsonNode global = values.path("global");
        String image = global.path("proxy").path("image").asText("");
        if (image.contains("/")) {
            return image;
        }
        return global.path("hub").asText("") + "/" + image + ":" + global.path("tag").asText("");
    }
}
