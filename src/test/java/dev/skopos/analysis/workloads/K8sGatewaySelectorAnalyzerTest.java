package dev.skopos.analysis.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.analysis.ManifestLoader;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class K8sGatewaySelectorAnalyzerTest {

    private static List<String> run(String yaml) {
        Reporter reporter = new Reporter();
        new K8sGatewaySelectorAnalyzer().analyze(new ResourceSnapshot(ManifestLoader.parse(yaml, "test.yaml")), reporter);
        return reporter.found().stream().map(d -> d.code() + " " + d.resource().display() + ": " + d.message()).toList();
    }

    private static final String PODS = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: ingress-abc
              namespace: ns
              labels: {gateway.networking.k8s.io/gateway-name: ingress, app: gw}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: app-1, namespace: ns, labels: {app: gw}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: other-gw
              namespace: elsewhere
              labels: {gateway.networking.k8s.io/gateway-name: other, app: gw}
            ---
            """;

    @Test
    void selectorsMatchingGatewayPodsAreIneffective() {
        String yaml = PODS + """
                apiVersion: telemetry.istio.io/v1
                kind: Telemetry
                metadata: {name: all, namespace: ns}
                spec: {selector: {}}
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: by-app, namespace: ns}
                spec: {selector: {matchLabels: {app: gw}}}
                """;
        assertThat(new K8sGatewaySelectorAnalyzer().name()).isEqualTo("k8sgateway.SelectorAnalyzer");
        String tail = ": Ineffective selector on Kubernetes Gateway ingress. Use the TargetRef field instead.";
        // AuthorizationPolicies are checked before Telemetries, whatever the file order.
        assertThat(run(yaml)).containsExactly("IST0166 AuthorizationPolicy ns/by-app" + tail, "IST0166 Telemetry ns/all" + tail);
    }

    @Test
    void targetRefsOtherLabelsAndOtherNamespacesAreFine() {
        String yaml = PODS + """
                apiVersion: security.istio.io/v1
                kind: RequestAuthentication
                metadata: {name: targeted, namespace: ns}
                spec:
                  selector: {matchLabels: {app: gw}}
                  targetRef: {kind: Gateway, group: gateway.networking.k8s.io, name: ingress}
                ---
                apiVersion: extensions.istio.io/v1alpha1
                kind: WasmPlugin
                metadata: {name: other-app, namespace: ns}
                spec: {selector: {matchLabels: {app: gw, version: v2}}}
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: no-selector, namespace: ns}
                spec: {}
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: no-gateway-here, namespace: apps}
                spec: {selector: {matchLabels: {app: gw}}}
                """;
        assertThat(run(yaml)).isEmpty();
    }
}
