package dev.skopos.source.demo.scenario;

import java.time.Instant;
import java.util.List;

/**
 * A host Envoy can route to: a Kubernetes Service (with a VIP and selected pods) or a ServiceEntry
 * host (external, resolved by DNS, no VIP).
 */
public record MeshService(String host, String name, String namespace, String vip, List<ServicePort> ports,
                          String app, boolean external, Instant created) {

    public MeshService {
        ports = List.copyOf(ports);
    }

    public String clusterName(int port, String subset) {
        return "outbound|" + port + "|" + (subset == null ? "" : subset) + "|" + host;
    }
}
