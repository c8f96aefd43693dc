package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * istioctl's injection.ImageAnalyzer: IST0158 per injected namespace whose pods run a proxy image other
 * than the one their revision's injector would use now (typically pods not restarted after an upgrade).
 * The image may carry the effective image-type suffix (e.g. -distroless) from ProxyConfig settings.
 */
final class InjectionImageAnalyzer implements Analyzer {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Override
    public String name() {
        return "injection.ImageAnalyzer";
    }

    @Override
    public String description() {
        return "Checks the image of auto-injection configured with the running proxies on pods";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Map<String, String> imageByConfigMap = new HashMap<>();
        for (Resource cm : snapshot.list("", "ConfigMap")) {
            if (cm.name().startsWith(Kube.INJECTOR_CONFIGMAP)) {
                imageByConfigMap.put(cm.name(), InjectorConfig.proxyImage(cm));
            }
        }
        if (imageByConfigMap.isEmpty()) {
            return;
        }
        Map<String, Resource> namespaces = new HashMap<>();
        Map<String, String> revisionOf = new HashMap<>();
        for (Resource ns : snapshot.list("", "Namespace")) {
            namespaces.put(ns.name(), ns);
            String revision = ns.labels().get(Kube.REVISION_LABEL);
            if (revision != null) {
                revisionOf.put(ns.name(), revision);
            } else if ("enabled".equals(ns.labels().get(Kube.INJECTION_LABEL))) {
                revisionOf.put(ns.name(), "default");
            }
        }
        Map<String, List<String>> mismatched = new LinkedHashMap<>();
        for (Resource pod : snapshot.list("", "Pod")) {
            String revision = revisionOf.get(pod.namespace());
            // A proxyImage annotation overrides the injector, so there is nothing to compare against.
            if (revision == null || !pod.annotations().getOrDefault("sidecar.istio.io/proxyImage", "").isEmpty()) {
                continue;
            }
            String expected = imageByConfigMap.get(InjectorConfig.configMapName(revision));
            if (expected == null) {
                continue;
            }
            String variant = imageType(pod, snapshot);
            for (JsonNode c : Kube.allContainers(pod.spec())) {
                String image = c.path("image").asText("");
                if (Kube.ISTIO_PROXY.equals(c.path("name").asText()) && !image.equals(expected)
                        && !image.equals(expected + "-" + variant)) {
                    mismatched.computeIfAbsent(pod.namespace(), k -> new ArrayList<>()).add(pod.name());
                }
            }
        }
        mismatched.forEach((ns, pods) -> reporter.report("PodsIstioProxyImageMismatchInNamespace", namespaces.get(ns), pods));
    }

    /**
     * The effective proxy image type, most specific last: mesh default, root-namespace ProxyConfig,
     * namespace ProxyConfig, workload ProxyConfig, then the pod's proxy.istio.io/config annotation.
     */
    static String imageType(Resource pod, ResourceSnapshot snapshot) {
        String variant = snapshot.meshConfig().path("defaultConfig").path("image").path("imageType").asText("");
        List<Resource> configs = snapshot.list("networking.istio.io", "ProxyConfig");
        for (Resource pc : configs) {
            if (pc.namespace().equals(snapshot.rootNamespace())) {
                variant = orKeep(pc.spec(), variant);
            }
        }
        for (Resource pc : configs) {
            if (!pc.namespace().equals(snapshot.rootNamespace()) && pc.namespace().equals(pod.namespace())
                    && !pc.spec().has("selector")) {
                variant = orKeep(pc.spec(), variant);
            }
        }
        for (Resource pc : configs) {
            if (!pc.namespace().equals(snapshot.rootNamespace()) && pc.namespace().equals(pod.namespace())
                    && pc.spec().has("selector")) {
                // istioctl requires the selector to hold every pod label (maps.Contains(selector, podLabels)).
                Map<String, String> selector = Kube.strings(pc.spec().path("selector").path("matchLabels"));
                if (selector.entrySet().containsAll(pod.labels().entrySet())) {
                    variant = orKeep(pc.spec(), variant);
                }
            }
        }
        String annotation = pod.annotations().get("proxy.istio.io/config");
        if (annotation != null) {
            try {
                JsonNode pc = YAML.readTree(annotation);
                if (pc != null) {
                    variant = orKeep(pc, variant);
                }
            } catch (Exception e) {
                // an unreadable annotation changes nothing
            }
        }
        return variant.equals("default") ? "" : variant;
    }

    private static String orKeep(JsonNode proxyConfig, String current) {
        String t = proxyConfig.path("image").path("imageType").asText("");
        return t.isEmpty() ? current : t;
    }
}
