package dev.skopos.analysis.security;

import static dev.skopos.analysis.security.Fixtures.run;
import static dev.skopos.analysis.security.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaValidationAnalyzersTest {

    private static final String DENY_WARNING = "Schema validation warning: configured AuthorizationPolicy will deny all traffic to TCP "
            + "ports under its scope due to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port";

    @Test
    void denyRulesWithOnlyHttpAttributesWarnOncePerRule() {
        String yaml = """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: http-only, namespace: ns}
                spec:
                  action: DENY
                  selector: {matchLabels: {}}
                  rules:
                  - to: [{operation: {methods: [POST]}}]
                  - from: [{source: {requestPrincipals: ["*"]}}]
                  - from: [{source: {namespaces: [other]}}]
                  - to: [{operation: {ports: ["8080"], methods: [POST]}}]
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: allow-http, namespace: ns}
                spec:
                  rules: [{to: [{operation: {methods: [GET]}}]}]
                """;
        assertThat(run(new AuthorizationPolicyValidationAnalyzer(), snapshot(yaml))).containsExactly(
                "IST0133 AuthorizationPolicy ns/http-only: Schema validation warning: workload selector specified without labels",
                "IST0133 AuthorizationPolicy ns/http-only: " + DENY_WARNING,
                "IST0133 AuthorizationPolicy ns/http-only: " + DENY_WARNING);
    }

    @Test
    void authorizationPolicyErrorsCarryThePolicyPrefix() {
        String yaml = """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: deny-nothing, namespace: ns}
                spec: {action: DENY, provider: {name: ext}}
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: bad-dry-run, namespace: ns, annotations: {istio.io/dry-run: "yes"}}
                spec: {action: DENY, rules: [{}]}
                """;
        assertThat(run(new AuthorizationPolicyValidationAnalyzer(), snapshot(yaml))).containsExactly(
                "IST0106 AuthorizationPolicy ns/deny-nothing: Schema validation error: invalid policy deny-nothing.ns: "
                        + "`provider` must not be with non CUSTOM action, found DENY",
                "IST0106 AuthorizationPolicy ns/deny-nothing: Schema validation error: invalid policy deny-nothing.ns: "
                        + "DENY action without `rules` is meaningless as it will never be triggered, "
                        + "add an empty rule `{}` if you want it be triggered for every request",
                "IST0106 AuthorizationPolicy ns/bad-dry-run: Schema validation error: ns/bad-dry-run has annotation istio.io/dry-run "
                        + "with invalid value (yes): strconv.ParseBool: parsing \"yes\": invalid syntax");
    }

    @Test
    void peerAndRequestAuthentication() {
        String yaml = """
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: ns-wide, namespace: ns}
                spec: {selector: {}, portLevelMtls: {"8080": {mode: DISABLE}}}
                ---
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: fine, namespace: ns}
                spec: {selector: {matchLabels: {app: a}}, portLevelMtls: {"8080": {mode: DISABLE}}}
                ---
                apiVersion: security.istio.io/v1
                kind: RequestAuthentication
                metadata: {name: jwt, namespace: ns}
                spec:
                  selector: {matchLabels: {app: a}}
                  targetRef: {kind: Gateway, group: gateway.networking.k8s.io, name: gw}
                  jwtRules: [{audiences: [""]}, {issuer: https://issuer.example.com}]
                """;
        assertThat(run(new PeerAuthenticationValidationAnalyzer(), snapshot(yaml))).containsExactly(
                "IST0106 PeerAuthentication ns/ns-wide: Schema validation error: mesh/namespace peer authentication cannot have port level mTLS",
                "IST0133 PeerAuthentication ns/ns-wide: Schema validation warning: workload selector specified without labels");
        assertThat(run(new RequestAuthenticationValidationAnalyzer(), snapshot(yaml))).containsExactly(
                "IST0106 RequestAuthentication ns/jwt: Schema validation error: only one of targetRefs or workloadSelector can be set",
                "IST0106 RequestAuthentication ns/jwt: Schema validation error: audience must be non-empty string",
                "IST0106 RequestAuthentication ns/jwt: Schema validation error: issuer or jwksUri must be non-empty string");
    }
}
