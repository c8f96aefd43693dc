package dev.skopos.analysis.skopos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TlsDisabledUnderStrictMtlsAnalyzerTest {

    static final String WORKLOAD = """
            apiVersion: v1
            kind: Service
            metadata: {name: pay, namespace: pay}
            spec:
              selector: {app: pay}
              ports: [{name: http, port: 80, targetPort: web}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: pay, namespace: pay}
            spec:
              template:
                metadata: {labels: {app: pay}}
                spec: {containers: [{name: pay, image: pay, ports: [{name: web, containerPort: 8080}]}]}
            ---
            """;

    static String dr(String trafficPolicy) {
        return "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: pay, namespace: pay}\n"
                + "spec: {host: pay, trafficPolicy: " + trafficPolicy + "}\n---\n";
    }

    static String pa(String namespace, String selector, String mtls) {
        return "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: pa-" + namespace
                + ", namespace: " + namespace + "}\nspec: {" + selector + " mtls: " + mtls + "}\n---\n";
    }

    private final TlsDisabledUnderStrictMtlsAnalyzer analyzer = new TlsDisabledUnderStrictMtlsAnalyzer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // where STRICT comes from                                        | DR              | findings
            "istio-system|                                        |{mode: STRICT}   |{tls: {mode: DISABLE}}|1",
            "pay         |                                        |{mode: STRICT}   |{tls: {mode: DISABLE}}|1",
            "pay         |'selector: {matchLabels: {app: pay}},'  |{mode: STRICT}   |{tls: {mode: DISABLE}}|1",
            "pay         |'selector: {matchLabels: {app: pay}}, portLevelMtls: {8080: {mode: STRICT}},'|{mode: PERMISSIVE}|{tls: {mode: DISABLE}}|1",
            "pay         |'selector: {matchLabels: {app: pay}}, portLevelMtls: {9999: {mode: STRICT}},'|{mode: PERMISSIVE}|{tls: {mode: DISABLE}}|0",
            "pay         |                                        |{mode: PERMISSIVE}|{tls: {mode: DISABLE}}|0",
            "pay         |'selector: {matchLabels: {app: other}},'|{mode: STRICT}   |{tls: {mode: DISABLE}}|0",
            "pay         |                                        |{mode: STRICT}   |{tls: {mode: ISTIO_MUTUAL}}|0",
            "pay         |                                        |{mode: STRICT}   |'{portLevelSettings: [{port: {number: 80}, tls: {mode: DISABLE}}]}'|1",
            "pay         |                                        |{mode: STRICT}   |'{tls: {mode: DISABLE}, portLevelSettings: [{port: {number: 80}, tls: {mode: ISTIO_MUTUAL}}]}'|0",
    })
    void strictFromAnyLevelMeetsDisable(String ns, String selector, String mtls, String policy, int expected) {
        var snapshot = Fixtures.manifests(WORKLOAD + pa(ns.trim(), selector == null ? "" : selector, mtls) + dr(policy));
        assertThat(Fixtures.lines(analyzer, snapshot)).hasSize(expected);
    }

    @Test
    void namespacePermissiveOverridesMeshStrict() {
        var snapshot = Fixtures.manifests(WORKLOAD + pa("istio-system", "", "{mode: STRICT}")
                + pa("pay", "", "{mode: PERMISSIVE}") + dr("{tls: {mode: DISABLE}}"));
        assertThat(Fixtures.lines(analyzer, snapshot)).isEmpty();
    }

    @Test
    void demoPaymentsApi() {
        assertThat(Fixtures.lines(analyzer, Fixtures.demo())).containsExactly(
                "SKP0003 DestinationRule payments/payments-api: DestinationRule payments/payments-api disables TLS towards"
                        + " payments-api.payments port 8080, but PeerAuthentication payments/payments-api-strict makes workload"
                        + " Deployment payments/payments-api accept mutual TLS only: requests fail with 503 (UC/UF)");
    }
}
