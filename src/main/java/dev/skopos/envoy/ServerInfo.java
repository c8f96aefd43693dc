package dev.skopos.envoy;

import java.time.Duration;

/**
 * Envoy's {@code /server_info}, the fields an on-call engineer looks at first.
 *
 * @param envoyVersion  e.g. {@code 1.36.2-dev/.../Clean/RELEASE/BoringSSL} as Envoy reports it
 * @param state         LIVE, DRAINING, PRE_INITIALIZING or INITIALIZING
 * @param uptimeCurrentEpoch uptime since the last hot restart
 * @param uptimeAllEpochs    uptime over all hot restarts
 * @param nodeId        the xDS node id ({@code sidecar~10.0.0.1~pod.ns~ns.svc.cluster.local})
 * @param istioVersion  ISTIO_VERSION from the node metadata, empty when absent
 * @param clusterId     CLUSTER_ID from the node metadata, empty when absent
 */
public record ServerInfo(String envoyVersion, String state, Duration uptimeCurrentEpoch, Duration uptimeAllEpochs,
                         String nodeId, String istioVersion, String clusterId) {}
