package dev.skopos.mesh.explain;

import dev.skopos.envoy.config.ClusterConfig;
import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.envoy.config.ListenerConfig;
import dev.skopos.mesh.IstioConfigRef;
import dev.skopos.source.PodRef;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client's clusters for a host say: which DestinationRule Istio applied (the {@code istio}
 * filter metadata names it), and whether the cluster speaks TLS. And what a server's inbound
 * listener accepts on a port: only TLS chains means mTLS is STRICT there.
 */
final class ClusterEvidence {

    private ClusterEvidence() {
    }

    /** Per cluster of {@code host}: the DR named in metadata and the TLS mode. */
    static List<Evidence> clientClusters(PodRef client, ConfigDump dump, String host, String expectedDr) {
        List<Evidence> out = new ArrayList<>();
        for (ClusterConfig c : dump.clusters()) {
            if (c.key() == null || !c.key().fqdn().equals(host) || !"outbound".equals(c.key().direction())) {
                continue;
            }
            String dr = IstioConfigRef.parse(c.destinationRule()).map(r -> r.namespace() + "/" + r.name()).orElse("(none)");
            out.add(new Evidence(client.proxyId(), "clusters[" + c.name() + "].metadata.filter_metadata.istio.config",
                    dr, expectedDr != null && !dr.equals(expectedDr)));
            if (!dump.endpoints().isEmpty() && "EDS".equals(c.discoveryType())) {
                String eds = c.edsServiceName().isEmpty() ? c.name() : c.edsServiceName();
                int count = dump.endpoints().stream().filter(e -> e.clusterName().equals(eds))
                        .mapToInt(e -> e.endpoints().size()).sum();
                out.add(new Evidence(client.proxyId(), "endpoints[" + c.name() + "]", count + " endpoint(s)"
                        + (count == 0 ? ": requests to it fail with 503 (UH, no healthy upstream)" : ""), count == 0));
            }
            boolean plaintext = c.tls().mode() == ClusterConfig.ClusterTls.Mode.NONE;
            out.add(new Evidence(client.proxyId(), "clusters[" + c.name() + "].transport_socket",
                    plaintext ? "absent: plaintext to the server" : c.tls().mode() + (c.tls().auto() ? " (auto mTLS)" : ""),
                    plaintext));
        }
        return out;
    }

    /** True when every inbound chain for the port terminates TLS: plaintext clients are refused. */
    static Evidence serverInbound(PodRef server, ConfigDump dump, int targetPort) {
        int tls = 0;
        int plain = 0;
        for (ListenerConfig l : dump.listeners()) {
            if (!l.name().equals("virtualInbound")) {
                continue;
            }
            for (ListenerConfig.FilterChain chain : l.filterChains()) {
                Integer port = chain.match().destinationPort();
                if (port == null || port != targetPort) {
                    continue;
                }
                boolean isTls = chain.tls() || "tls".equals(chain.match().transportProtocol());
                if (isTls) {
                    tls++;
                } else {
                    plain++;
                }
            }
        }
        String value = tls + " TLS chain(s), " + plain + " plaintext chain(s) for port " + targetPort
                + (plain == 0 && tls > 0 ? ": mTLS required (STRICT)" : plain > 0 ? ": plaintext accepted" : "");
        return new Evidence(server.proxyId(), "listeners[virtualInbound].filter_chains[destination_port=" + targetPort + "]",
                value, plain == 0 && tls > 0);
    }
}
