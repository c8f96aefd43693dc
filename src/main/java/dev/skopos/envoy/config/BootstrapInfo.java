package dev.skopos.envoy.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The node identity from the bootstrap section.
 *
 * @param nodeId         {@code node.id}, e.g. {@code sidecar~10.1.2.3~pod.ns~ns.svc.cluster.local}
 * @param cluster        {@code node.cluster}
 * @param istioVersion   node metadata {@code ISTIO_VERSION}, "" when absent
 * @param istioProxySha  node metadata {@code ISTIO_PROXY_SHA} without its {@code istio-proxy:} prefix
 * @param envoyVersion   {@code major.minor.patch[-label][/status][/type][/ssl]} from
 *                       {@code user_agent_build_version}, as istioctl prints it; for dumps with
 *                       only the older {@code build_version} string, that string
 * @param metadata       node metadata entries whose values are strings
 * @param raw            the whole BootstrapConfigDump object (without {@code @type}), or null
 */
public record BootstrapInfo(String nodeId, String cluster, String istioVersion, String istioProxySha,
        String envoyVersion, Map<String, String> metadata, JsonNode raw) {
}
