package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.Set;

/**
 * istioctl's service.PortNameAnalyzer: IST0118 for a service port whose name (or appProtocol) names no
 * protocol Istio knows, so the proxy must sniff it; IST0150 for ExternalName services, where sniffing
 * cannot help.
 */
final class PortNameAnalyzer implements Analyzer {

    /** Services Istio's gateway controllers generate (gateways, waypoints, east-west); users do not name those ports. */
    private static final Set<String> MANAGED = Set.of("istio.io-gateway-controller", "istio.io-mesh-controller",
            "istio.io-eastwest-controller");

    @Override
    public String name() {
        return "service.PortNameAnalyzer";
    }

    @Override
    public String description() {
        return "Checks the port names associated with each service";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Resource s : snapshot.list("", "Service")) {
            if (Kube.isSystemNamespace(s.namespace()) || Kube.isControlPlane(s)
                    || MANAGED.contains(s.labels().getOrDefault("gateway.istio.io/managed", ""))) {
                continue;
            }
            boolean externalName = "ExternalName".equals(s.spec().path("type").asText());
            for (JsonNode port : s.spec().path("ports")) {
                String name = port.path("name").asText("");
                if (!Kube.protocol(port).isEmpty() && !(externalName && name.equals("tcp"))) {
                    continue;
                }
                if (externalName) {
                    reporter.report("ExternalNameServiceTypeInvalidPortName", s);
                } else {
                    reporter.report("PortNameIsNotUnderNamingConvention", s, name, port.path("port").asInt(),
                            Kube.intOrString(port.get("targetPort")));
                }
            }
        }
    }
}
