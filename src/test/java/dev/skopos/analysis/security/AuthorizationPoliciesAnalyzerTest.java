package dev.skopos.analysis.security;

import static dev.skopos.analysis.security.Fixtures.run;
import static dev.skopos.analysis.security.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorizationPoliciesAnalyzerTest {

    private final AuthorizationPoliciesAnalyzer analyzer = new AuthorizationPoliciesAnalyzer();

    private static final String INJECTED_NS = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {istio-injection: enabled}}
            ---
            """;

    @Test
    void podOptingOutOfInjectionDoesNotCountAsAWorkload() {
        String yaml = INJECTED_NS + """
                apiVersion: v1
                kind: Pod
                metadata: {name: cart, namespace: shop, labels: {app: cart, version: v2, sidecar.istio.io/inject: "false"}}
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: cart, namespace: shop}
                spec: {selector: {matchLabels: {version: v2, app: cart}}}
                """;
        assertThat(run(analyzer, snapshot(yaml))).containsExactly(
                "IST0127 AuthorizationPolicy shop/cart: No matching workloads for this resource with the following labels: app=cart,version=v2");
    }

    @Test
    void podAskingForInjectionCountsEvenInAPlainNamespace() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: cart, namespace: plain, annotations: {sidecar.istio.io/inject: "true"}}
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: all, namespace: plain}
                spec: {}
                """;
        assertThat(run(analyzer, snapshot(yaml))).isEmpty();
    }

    @Test
    void meshWideMeansTheConfiguredRootNamespace() throws Exception {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: apps, labels: {app: x}}
                spec: {containers: [{name: istio-proxy, image: proxyv2}]}
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: global, namespace: mesh-root}
                spec: {selector: {matchLabels: {app: x}}}
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: nothing-local, namespace: mesh-root}
                spec: {selector: {matchLabels: {app: y}}}
                """;
        assertThat(run(analyzer, snapshot(yaml, "rootNamespace: mesh-root"))).containsExactly(
                "IST0127 AuthorizationPolicy mesh-root/nothing-local: "
                        + "No matching workloads for this resource with the following labels: app=y");
    }

    @Test
    void unknownSourceNamespacesAreReportedOnePatternAtATime() {
        String yaml = INJECTED_NS + """
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: shop}
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: ns, namespace: shop}
                spec:
                  rules:
                  - from:
                    - source: {namespaces: ["SHOP", "sh*", "*op", "nope"], notNamespaces: ["gone-*"]}
                """;
        assertThat(run(analyzer, snapshot(yaml))).containsExactly(
                "IST0101 AuthorizationPolicy shop/ns: Referenced namespace not found: \"nope\"",
                "IST0101 AuthorizationPolicy shop/ns: Referenced namespace not found: \"gone-*\"");
    }

    @Test
    void namespacePatterns() {
        assertThat(AuthorizationPoliciesAnalyzer.namespaceMatches("prod-a", "*")).isTrue();
        assertThat(AuthorizationPoliciesAnalyzer.namespaceMatches("prod-a", "prod-*")).isTrue();
        assertThat(AuthorizationPoliciesAnalyzer.namespaceMatches("prod-a", "*-a")).isTrue();
        assertThat(AuthorizationPoliciesAnalyzer.namespaceMatches("Prod", "prod")).isTrue();
        assertThat(AuthorizationPoliciesAnalyzer.namespaceMatches("prod-a", "Prod-*")).isFalse();
    }
}
