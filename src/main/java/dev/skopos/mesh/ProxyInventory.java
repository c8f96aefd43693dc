package dev.skopos.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.istiod.ProxySync;
import dev.skopos.source.KubeObject;
import dev.skopos.source.PodRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The proxies view's rows: every pod running an {@code istio-proxy} container, joined with
 * istiod's sync report for it. Since Istio 1.27 the proxy is by default a native sidecar, i.e.
 * an init container with {@code restartPolicy: Always}, so both places are searched.
 */
public final class ProxyInventory {

    static final String PROXY_CONTAINER = "istio-proxy";
    private static final Set<String> GATEWAY_ISTIO_LABELS = Set.of("ingressgateway", "egressgateway", "eastwestgateway");
    private static final String MANAGED_GATEWAY = "gateway.istio.io/managed";

    private ProxyInventory() {
    }

    /**
     * @param pods  pod objects; those without a proxy, or without a name, are left out
     * @param syncs every istiod's report, merged; a proxy no istiod reports gets a null sync
     * @return proxies sorted by namespace then name
     */
    public static List<Proxy> build(List<KubeObject> pods, List<ProxySync> syncs) {
        Map<String, List<ProxySync>> byId = new HashMap<>();
        if (syncs != null) {
            syncs.forEach(s -> byId.computeIfAbsent(s.proxyId(), k -> new ArrayList<>()).add(s));
        }
        List<Proxy> out = new ArrayList<>();
        for (KubeObject pod : pods == null ? List.<KubeObject>of() : pods) {
            if (pod == null || pod.raw() == null || !pod.raw().isObject()) {
                continue;
            }
            Proxy proxy = toProxy(pod, byId);
            if (proxy != null) {
                out.add(proxy);
            }
        }
        out.sort((a, b) -> a.pod().compareTo(b.pod()));
        return List.copyOf(out);
    }

    private static Proxy toProxy(KubeObject pod, Map<String, List<ProxySync>> syncs) {
        JsonNode raw = pod.raw();
        JsonNode metadata = raw.path("metadata");
        String name = pod.name() != null && !pod.name().isEmpty() ? pod.name() : metadata.path("name").asText("");
        String namespace = !pod.namespace().isEmpty() ? pod.namespace() : metadata.path("namespace").asText("");
        if (name.isEmpty()) {
            return null;
        }
        JsonNode spec = raw.path("spec");
        JsonNode proxyContainer = named(spec.path("containers"), PROXY_CONTAINER);
        boolean nativeSidecar = false;
        if (proxyContainer == null) {
            JsonNode init = named(spec.path("initContainers"), PROXY_CONTAINER);
            // A plain init container named istio-proxy would run to completion: not a proxy.
            if (init == null || !PodStatus.isRestartable(init)) {
                return null;
            }
            proxyContainer = init;
            nativeSidecar = true;
        }
        PodRef ref = new PodRef(pod.cluster(), namespace, name);
        PodStatus status = PodStatus.of(raw);
        return new Proxy(ref, kind(pod, spec, proxyContainer, nativeSidecar), nativeSidecar, status.ready(),
                status.status(), status.restarts(), created(pod, metadata), imageTag(proxyContainer.path("image").asText("")),
                syncFor(syncs.getOrDefault(ref.proxyId(), List.of()), proxyContainer));
    }

    /**
     * The report for this pod's proxy. Several clusters' istiods may each report a proxy of that id
     * (a StatefulSet's {@code db-0} in every cluster); the proxy's own CLUSTER_ID, which the injector
     * puts in its environment, says which report is its.
     */
    private static ProxySync syncFor(List<ProxySync> candidates, JsonNode proxyContainer) {
        if (candidates.size() <= 1) {
            return candidates.isEmpty() ? null : candidates.get(0);
        }
        String clusterId = env(proxyContainer, "ISTIO_META_CLUSTER_ID");
        return candidates.stream().filter(s -> s.clusterId().equals(clusterId)).findFirst().orElse(candidates.get(0));
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e.path("value").asText("");
            }
        }
        return "";
    }

    private static ProxyKind kind(KubeObject pod, JsonNode spec, JsonNode proxyContainer, boolean nativeSidecar) {
        Map<String, String> labels = pod.labels();
        if (GATEWAY_ISTIO_LABELS.contains(labels.getOrDefault("istio", ""))
                || labels.containsKey(MANAGED_GATEWAY) || pod.annotations().containsKey(MANAGED_GATEWAY)) {
            return ProxyKind.GATEWAY;
        }
        // pilot-agent starts Envoy as a gateway with "proxy router"; sidecars get "proxy sidecar".
        for (JsonNode arg : proxyContainer.path("args")) {
            if ("router".equals(arg.asText())) {
                return ProxyKind.GATEWAY;
            }
        }
        boolean onlyContainer = !nativeSidecar && spec.path("containers").size() == 1;
        return onlyContainer ? ProxyKind.GATEWAY : ProxyKind.SIDECAR;
    }

    private static JsonNode named(JsonNode containers, String name) {
        for (JsonNode c : containers) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        return null;
    }

    private static Instant created(KubeObject pod, JsonNode metadata) {
        if (pod.created() != null) {
            return pod.created();
        }
        try {
            String ts = metadata.path("creationTimestamp").asText("");
            return ts.isEmpty() ? null : OffsetDateTime.parse(ts).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code docker.io/istio/proxyv2:1.27.3@sha256:...} → {@code 1.27.3}; empty without a tag. */
    static String imageTag(String image) {
        int digest = image.indexOf('@');
        String ref = digest >= 0 ? image.substring(0, digest) : image;
        int colon = ref.lastIndexOf(':');
        // A colon before the last slash belongs to a registry port (registry:5000/istio/proxyv2).
        return colon > ref.lastIndexOf('/') ? ref.substring(colon + 1) : "";
    }
}
