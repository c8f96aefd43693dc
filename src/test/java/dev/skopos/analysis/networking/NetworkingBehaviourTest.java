package dev.skopos.analysis.networking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.analysis.AnalysisRun;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.ManifestLoader;
import dev.skopos.analysis.ResourceSnapshot;
import dev.skopos.analysis.Suppressions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour the conformance cases do not reach, one manifest per check. */
class NetworkingBehaviourTest {

    private static List<String> run(Analyzer analyzer, String yaml) {
        ResourceSnapshot snapshot = new ResourceSnapshot(ManifestLoader.parse(yaml, "test.yaml"));
        return AnalysisRun.run(snapshot, List.of(analyzer), Suppressions.NONE).stream()
                .map(d -> d.code() + " " + d.resource().display() + ": " + d.message()).toList();
    }

    private static final String REVIEWS = """
            apiVersion: v1
            kind: Service
            metadata: {name: reviews, namespace: bookinfo}
            spec:
              ports: [{name: http, port: 9080}, {name: grpc, port: 9090}]
            ---
            """;

    @Test
    void destinationHostsMustExistAndNameAPortWhenAmbiguous() {
        List<String> found = run(new DestinationHostAnalyzer(), REVIEWS + """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: vs, namespace: bookinfo}
                spec:
                  hosts: [reviews]
                  http:
                  - route:
                    - destination: {host: reviews}
                    - destination: {host: reviews, port: {number: 1234}}
                    - destination: {host: ghost}
                    mirror: {host: ghost2}
                """);
        assertThat(found).containsExactlyInAnyOrder(
                "IST0101 VirtualService bookinfo/vs: Referenced host not found: \"ghost\"",
                "IST0101 VirtualService bookinfo/vs: Referenced mirror host not found: \"ghost2\"",
                "IST0101 VirtualService bookinfo/vs: Referenced host:port not found: \"reviews:1234\"",
                "IST0112 VirtualService bookinfo/vs: This VirtualService routes to a service \"reviews\" that exposes"
                        + " multiple ports [9080 9090]. Specifying a port in the destination is required to disambiguate.");
    }

    @Test
    void serviceExportedElsewhereIsNotVisible() {
        List<String> found = run(new DestinationHostAnalyzer(), """
                apiVersion: v1
                kind: Service
                metadata: {name: db, namespace: data, annotations: {networking.istio.io/exportTo: "."}}
                spec: {ports: [{port: 5432}]}
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: vs, namespace: web}
                spec:
                  hosts: [db.data.svc.cluster.local]
                  tcp:
                  - route: [{destination: {host: db.data.svc.cluster.local}}]
                """);
        assertThat(found).containsExactly(
                "IST0101 VirtualService web/vs: Referenced host not found: \"db.data.svc.cluster.local\"");
    }

    @Test
    void jwtClaimRoutingAtAGatewayNeedsRequestAuthentication() {
        String base = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: istio-system}
                spec:
                  selector: {istio: ingressgateway}
                  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: ingress-1, namespace: istio-system, labels: {istio: ingressgateway}}
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: vs, namespace: default}
                spec:
                  hosts: ["*"]
                  gateways: [istio-system/gw]
                  http:
                  - match: [{headers: {"@request.auth.claims.group": {exact: admin}}}]
                    route: [{destination: {host: admin}}]
                """;
        assertThat(run(new JwtClaimRouteAnalyzer(), base)).containsExactly("IST0149 VirtualService default/vs: The virtual"
                + " service uses the JWT claim based routing (key: @request.auth.claims.group) but found no request authentication"
                + " for the gateway (istio-system/gw) pod (ingress-1). The request authentication must first be applied for the"
                + " gateway pods to validate the JWT token and make the claims available for routing.");
        assertThat(run(new JwtClaimRouteAnalyzer(), base + """
                ---
                apiVersion: security.istio.io/v1
                kind: RequestAuthentication
                metadata: {name: jwt, namespace: istio-system}
                spec:
                  selector: {matchLabels: {istio: ingressgateway}}
                """)).isEmpty();
    }

    @Test
    void invalidRegexIsASchemaError() {
        List<String> found = run(new VirtualServiceValidationAnalyzer(), """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: vs, namespace: default}
                spec:
                  hosts: [a]
                  http:
                  - match: [{uri: {regex: "/api/(?!internal)"}}]
                    route: [{destination: {host: a}}]
                """);
        assertThat(found).containsExactly("IST0106 VirtualService default/vs: Schema validation error: \"uri\": error parsing"
                + " regexp: invalid or unsupported Perl syntax: `(?!`; Istio uses RE2 style regex-based match"
                + " (https://github.com/google/re2/wiki/Syntax)");
    }

    @Test
    void defaultSelectorAnalyzerNeedsNoPods() {
        List<String> found = run(new SidecarDefaultSelectorAnalyzer(), """
                apiVersion: networking.istio.io/v1
                kind: Sidecar
                metadata: {name: a, namespace: ns}
                spec: {}
                ---
                apiVersion: networking.istio.io/v1
                kind: Sidecar
                metadata: {name: b, namespace: ns}
                spec: {}
                """);
        assertThat(found).containsExactlyInAnyOrder(
                "IST0111 Sidecar ns/a: The Sidecars [a b] in namespace \"ns\" have no workload selector, which can lead to undefined behavior.",
                "IST0111 Sidecar ns/b: The Sidecars [a b] in namespace \"ns\" have no workload selector, which can lead to undefined behavior.");
    }

    @Test
    void gatewaysOnDifferentBindAddressesDoNotConflict() {
        String gw = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: %s, namespace: default}
                spec:
                  selector: {istio: ingressgateway}
                  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [a.com], bind: %s}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p-%s, namespace: default, labels: {istio: ingressgateway}}
                ---
                """;
        assertThat(run(new ConflictingGatewayAnalyzer(), gw.formatted("one", "1.1.1.1", "one") + gw.formatted("two", "2.2.2.2", "two")))
                .isEmpty();
        assertThat(run(new ConflictingGatewayAnalyzer(), gw.formatted("one", "1.1.1.1", "one") + gw.formatted("two", "1.1.1.1", "two")))
                .contains("IST0145 Gateway default/one: Conflict with gateways default/two (workload selector istio=ingressgateway,"
                        + " port 80, hosts a.com).");
    }

    @Test
    void replaceOutsideFiltersIsAnError() {
        List<String> found = run(new EnvoyPatchAnalyzer(), """
                apiVersion: networking.istio.io/v1alpha3
                kind: EnvoyFilter
                metadata: {name: ef, namespace: default}
                spec:
                  priority: 10
                  configPatches:
                  - applyTo: CLUSTER
                    patch: {operation: REPLACE, value: {name: c}}
                """);
        assertThat(found).containsExactly(
                "IST0152 EnvoyFilter default/ef: The REPLACE operation is only valid for HTTP_FILTER and NETWORK_FILTER.");
    }

    @Test
    void subsetPodsAreMatchedWithNodeTopology() {
        List<String> found = run(new SubsetSelectPodAnalyzer(), """
                apiVersion: v1
                kind: Node
                metadata: {name: n1, labels: {topology.kubernetes.io/region: eu, topology.kubernetes.io/zone: eu-1}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: app, namespace: default}
                spec: {ports: [{port: 80}], selector: {app: app}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: app-1, namespace: default, labels: {app: app}}
                spec: {nodeName: n1}
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: dr, namespace: default}
                spec:
                  host: app
                  subsets:
                  - {name: eu, labels: {topology.kubernetes.io/zone: eu-1}}
                  - {name: us, labels: {topology.kubernetes.io/region: us}}
                """);
        assertThat(found).containsExactly("IST0173 DestinationRule default/dr: The Subset us defined in the DestinationRule"
                + " does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).");
    }
}
