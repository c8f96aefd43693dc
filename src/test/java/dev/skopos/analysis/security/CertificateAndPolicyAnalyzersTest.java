package dev.skopos.analysis.security;

import static dev.skopos.analysis.security.Fixtures.run;
import static dev.skopos.analysis.security.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The smaller analyzers: DestinationRule CA certificates, gateway duplicates, JWKS CIDRs, conditions. */
class CertificateAndPolicyAnalyzersTest {

    @Test
    void portLevelMessageNamesThePortAndIgnoresIstioMutual() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: db, namespace: data}
                spec:
                  host: db.data.svc.cluster.local
                  trafficPolicy:
                    tls: {mode: ISTIO_MUTUAL}
                    portLevelSettings:
                    - port: {number: 5432}
                      tls: {mode: MUTUAL, credentialName: db-client}
                """;
        assertThat(run(new CaCertificateAnalyzer(), snapshot(yaml))).containsExactly(
                "IST0129 DestinationRule data/db: DestinationRule data/db in namespace data has TLS mode set to MUTUAL "
                        + "but no caCertificates are set to validate server identity for host: db.data.svc.cluster.local "
                        + "at port number:5432");
    }

    @Test
    void gatewaysSharingFileCertificatesNeedTheSameKeyToo() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: a, namespace: edge}
                spec:
                  servers: [{port: {number: 443, name: https, protocol: HTTPS},
                             tls: {mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem}}]
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: b, namespace: edge}
                spec:
                  selector: {istio: ingress}
                  servers: [{port: {number: 443, name: https, protocol: HTTPS},
                             tls: {mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem}}]
                ---
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: c, namespace: edge}
                spec:
                  servers: [{port: {number: 443, name: https, protocol: HTTPS},
                             tls: {mode: SIMPLE, serverCertificate: /c.pem, privateKey: /other.pem}}]
                """;
        // a's empty selector takes in every gateway; b's selector is not a subset of a's empty one.
        assertThat(run(new GatewayCertificateAnalyzer(), snapshot(yaml))).containsExactly(
                "IST0138 Gateway edge/a: Duplicate certificate in multiple gateways [edge/a edge/b] "
                        + "may cause 404s if clients re-use HTTP2 connections.");
    }

    @Test
    void istiodWithoutBlockedCidrsIsToldHowManyPoliciesFetchJwks() {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: istiod, namespace: istio-system, labels: {app: istiod}}
                spec: {template: {spec: {containers: [{name: discovery, env: [{name: BLOCKED_CIDRS_IN_JWKS_URIS, value: ""}]}]}}}
                """);
        IntStream.range(0, 7).forEach(i -> yaml.append("""
                ---
                apiVersion: security.istio.io/v1
                kind: RequestAuthentication
                metadata: {name: ra%d, namespace: ns}
                """.formatted(i)));
        assertThat(run(new BlockedCidrsAnalyzer(), snapshot(yaml.toString()))).containsExactly(
                "IST0175 Deployment istio-system/istiod: BLOCKED_CIDRS_IN_JWKS_URIS is not configured but 7 "
                        + "RequestAuthentication resource(s) exist (ns/ra0, ns/ra1, ns/ra2, ns/ra3, ns/ra4, and 2 more). "
                        + "Consider configuring it to restrict JWKS URI fetches to trusted networks.");
        assertThat(BlockedCidrsAnalyzer.summary(List.of("a/b"))).isEqualTo("a/b");
    }

    @Test
    void onlyListedConditionTypesCountAndOnlyWhenFalse() {
        String yaml = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: r, namespace: ns}
                status:
                  parents:
                  - conditions:
                    - {type: Accepted, status: "True", reason: Accepted}
                    - {type: ResolvedRefs, status: "False", reason: BackendNotFound, message: "no svc"}
                    - {type: SomethingElse, status: "False", reason: X}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: s, namespace: ns}
                status: {conditions: [{type: istio.io/WaypointBound, status: "True", reason: Bound}]}
                """;
        assertThat(run(dev.skopos.analysis.Analyzers.byName("conditions.ConditionAnalyzer").orElseThrow(), snapshot(yaml))).containsExactly(
                "IST0171 HTTPRoute ns/r: A condition with a negative status is present: "
                        + "type=ResolvedRefs, reason=BackendNotFound, message=no svc.");
    }
}
