package dev.skopos.analysis.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * istioctl's {@code gateway.IngressGatewayPortAnalyzer}: a Gateway's selector must pick at least one
 * pod, and every server port must be a TCP port or target port of some Service in the same namespace that selects one of those pods.
 */
final class IngressGatewayPortAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "gateway.IngressGatewayPortAnalyzer";
    }

    @Override
    public String description() {
        return "Checks a gateway's ports against the gateway's Kubernetes service ports";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Resource gw : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "Gateway")) {
            Map<String, String> selector = Selectors.labels(gw.spec().path("selector"));
            Set<Integer> servicePorts = new HashSet<>();
            int selectedPods = 0;
            for (Resource pod : snapshot.list("", "Pod")) {
                if (!Selectors.matches(selector, pod.labels())) {
                    continue;
                }
                selectedPods++;
                for (Resource svc : snapshot.list("", "Service")) {
                    if (svc.namespace().equals(pod.namespace())
                            && Selectors.matches(Selectors.labels(svc.spec().path("selector")), pod.labels())) {
                        svc.spec().path("ports").forEach(p -> addTcpPort(p, servicePorts));
                    }
                }
            }
            String selectorText = Selectors.toString(selector);
            if (selectedPods == 0) {
                reporter.report("ReferencedResourceNotFound", gw, "selector", selectorText);
                continue;
            }
            for (JsonNode server : gw.spec().path("servers")) {
                JsonNode port = server.path("port");
                if (port.isObject() && !servicePorts.contains(port.path("number").asInt(0))) {
                    reporter.report("GatewayPortNotDefinedOnService", gw, port.path("number").asInt(0), selectorText);
                }
            }
        }
    }

    // The gateway listens on the pod's port, the Service's targetPort; istiod also translates a
    // Gateway port equal to a Service port to its target, so both numbers are accepted (this is what
    // istioctl's cases show). Only ports whose protocol is written as TCP count: istioctl reads files
    // without Kubernetes' defaulting.
    private static void addTcpPort(JsonNode port, Set<Integer> out) {
        if (!port.path("protocol").asText("").equals("TCP")) {
            return;
        }
        int target = targetPortNumber(port.path("targetPort"));
        if (target != 0) {
            out.add(target);
        }
        out.add(port.path("port").asInt(0));
    }

    /** intstr.IntValue: the number, or a named port's text parsed as a number (0 when it is a name). */
    static int targetPortNumber(JsonNode targetPort) {
        if (targetPort.isInt()) {
            return targetPort.asInt();
        }
        try {
            return Integer.parseInt(targetPort.asText(""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
