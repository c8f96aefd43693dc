package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * istioctl's deployment.MultiServiceAnalyzer: a meshed deployment selected by several services that use
 * one port with different protocols (IST0116), or one targetPort behind different ports (IST0137).
 */
final class MultiServiceAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "deployment.MultiServiceAnalyzer";
    }

    @Override
    public String description() {
        return "Checks association between services and pods";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Resource d : snapshot.list("apps", "Deployment")) {
            // Waypoints are Istio's own deployments; their services are meant to overlap.
            boolean waypoint = "istio.io-mesh-controller".equals(d.labels().get("gateway.istio.io/managed"));
            if (waypoint || !Kube.inMesh(d, snapshot)) {
                continue;
            }
            List<Resource> services = matchingServices(d, snapshot);
            checkProtocols(d, services, reporter);
            checkTargetPorts(d, services, reporter);
        }
    }

    private static List<Resource> matchingServices(Resource d, ResourceSnapshot snapshot) {
        Map<String, String> podLabels = Kube.strings(Kube.podMetadata(d).path("labels"));
        return snapshot.list("", "Service").stream()
                .filter(s -> s.namespace().equals(d.namespace()))
                .filter(s -> Kube.selects(Kube.strings(s.spec().path("selector")), podLabels))
                .toList();
    }

    /** port -> protocol -> services; a port with two protocols is ambiguous for the sidecar. */
    private static void checkProtocols(Resource d, List<Resource> services, Reporter reporter) {
        Map<Integer, Map<String, List<String>>> byPort = new TreeMap<>();
        for (Resource s : services) {
            for (JsonNode p : s.spec().path("ports")) {
                String protocol = p.path("protocol").asText("");
                byPort.computeIfAbsent(p.path("port").asInt(), k -> new TreeMap<>())
                        .computeIfAbsent(protocol.isEmpty() ? "TCP" : protocol, k -> new ArrayList<>())
                        .add(s.fullName());
            }
        }
        byPort.forEach((port, protocols) -> {
            if (protocols.size() > 1) {
                List<String> names = new ArrayList<>();
                protocols.values().forEach(names::addAll);
                names.sort(null);
                reporter.report("DeploymentAssociatedToMultipleServices", d, d.name(), port, names);
            }
        });
    }

    /** targetPort -> port -> service (last wins, as in istioctl); one targetPort behind two ports conflicts. */
    private static void checkTargetPorts(Resource d, List<Resource> services, Reporter reporter) {
        Map<String, Map<Integer, String>> byTarget = new TreeMap<>();
        for (Resource s : services) {
            for (JsonNode p : s.spec().path("ports")) {
                int port = p.path("port").asInt();
                String target = Kube.intOrString(p.get("targetPort"));
                if (target.equals("0") || target.isEmpty()) {
                    target = Integer.toString(port); // targetPort defaults to port
                }
                byTarget.computeIfAbsent(target, k -> new TreeMap<>()).put(port, s.fullName());
            }
        }
        byTarget.forEach((target, ports) -> {
            if (ports.size() > 1) {
                List<String> names = new ArrayList<>(ports.values());
                names.sort(null);
                reporter.report("DeploymentConflictingPorts", d, d.name(), names, target, new ArrayList<>(ports.keySet()));
            }
        });
    }
}
