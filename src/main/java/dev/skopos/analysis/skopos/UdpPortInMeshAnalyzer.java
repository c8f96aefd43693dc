package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;

/**
 * UDP ports on Services whose pods run a sidecar. istio-iptables redirects TCP only (outbound and
 * inbound chains match {@code -p tcp}), so UDP flows around Envoy; Istio's DNS proxying on 53 is the
 * agent's own and does not make the Service's UDP port meshed.
 */
public final class UdpPortInMeshAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "skopos.UdpPortInMesh";
    }

    @Override
    public String description() {
        return "Finds UDP Service ports of meshed workloads (Istio does not proxy UDP)";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Resource service : snapshot.list("", "Service")) {
            boolean meshed = Pods.selectedBy(snapshot, service.namespace(), service.spec().path("selector")).stream()
                    .anyMatch(p -> Pods.proxy(p).isPresent());
            if (!meshed) {
                continue;
            }
            for (JsonNode port : service.spec().path("ports")) {
                if (port.path("protocol").asText("TCP").equalsIgnoreCase("UDP")) {
                    reporter.report("UdpPortInMesh", service, port.path("name").asText(""), port.path("port").asInt());
                }
            }
        }
    }
}
