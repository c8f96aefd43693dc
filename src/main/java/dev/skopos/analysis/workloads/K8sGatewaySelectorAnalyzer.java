package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * istioctl's {@code k8sgateway.SelectorAnalyzer}: a policy (AuthorizationPolicy,
 * RequestAuthentication, Telemetry, WasmPlugin) that picks its workloads with a label selector has no
 * effect on the pods of a Kubernetes Gateway API gateway, which istio configures through
 * {@code targetRef(s)} instead. So for each such policy and each pod of its namespace carrying the
 * gateway-name label whose labels include all of the selector's, it reports IneffectiveSelector
 * (IST0166) naming that gateway. An empty selector ({@code selector: {}}) includes every pod, as in
 * istio; a policy with a targetRef is skipped.
 */
final class K8sGatewaySelectorAnalyzer implements Analyzer {

    /** The label istio (and the Gateway API) puts on a gateway's pods, valued with the Gateway's name. */
    static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

    // In istio's order: policies of one kind are all reported before the next kind.
    private static final List<String[]> POLICY_KINDS = List.of(
            new String[] {"security.istio.io", "AuthorizationPolicy"},
            new String[] {"security.istio.io", "RequestAuthentication"},
            new String[] {"telemetry.istio.io", "Telemetry"},
            new String[] {"extensions.istio.io", "WasmPlugin"});

    @Override
    public String name() {
        return "k8sgateway.SelectorAnalyzer";
    }

    @Override
    public String description() {
        return "Check that selectors are effective for Kubernetes gateway";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Map<String, List<Map<String, String>>> gatewayPods = new LinkedHashMap<>();
        for (Resource pod : snapshot.list("", "Pod")) {
            if (pod.labels().containsKey(GATEWAY_NAME_LABEL)) {
                gatewayPods.computeIfAbsent(pod.namespace(), k -> new ArrayList<>()).add(pod.labels());
            }
        }
        for (String[] kind : POLICY_KINDS) {
            for (Resource policy : snapshot.list(kind[0], kind[1])) {
                JsonNode spec = policy.spec();
                // istio only skips the singular targetRef; targetRefs alongside a selector is itself a validation error.
                if (present(spec.path("targetRef")) || !present(spec.path("selector"))) {
                    continue;
                }
                Map<String, String> wanted = new LinkedHashMap<>();
                spec.path("selector").path("matchLabels").fields().forEachRemaining(e -> wanted.put(e.getKey(), e.getValue().asText()));
                for (Map<String, String> labels : gatewayPods.getOrDefault(policy.namespace(), List.of())) {
                    if (labels.entrySet().containsAll(wanted.entrySet())) {
                        reporter.report("IneffectiveSelector", policy, labels.get(GATEWAY_NAME_LABEL));
                    }
                }
            }
        }
    }

    private static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }
}
