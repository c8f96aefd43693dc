package dev.skopos.analysis.skopos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpRoutesOnTcpPortAnalyzerTest {

    private final HttpRoutesOnTcpPortAnalyzer analyzer = new HttpRoutesOnTcpPortAnalyzer();

    static final String ISTIOD_NO_SNIFFING = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: istiod, namespace: istio-system}
            spec:
              template:
                spec:
                  containers:
                  - name: discovery
                    env: [{name: PILOT_ENABLE_PROTOCOL_SNIFFING_FOR_OUTBOUND, value: "false"}]
            ---
            """;

    static String service(String port) {
        return "apiVersion: v1\nkind: Service\nmetadata: {name: be, namespace: w}\nspec: {selector: {app: be}, ports: ["
                + port + "]}\n---\n";
    }

    static final String VS = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: be, namespace: w}
            spec:
              hosts: [be]
              http:
              - route:
                - {destination: {host: be, subset: a}, weight: 90}
                - {destination: {host: be, subset: b}, weight: 10}
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{name: backend, port: 5000}'|SKP0007|is TCP to Istio (port name \"backend\" has no protocol prefix and no appProtocol, and istiod's protocol sniffing for outbound is off)",
            "'{name: tcp-backend, port: 5000}'|SKP0007|is TCP to Istio (port name \"tcp-backend\")",
            "'{name: http-backend, port: 5000, appProtocol: tcp}'|SKP0007|is TCP to Istio (appProtocol \"tcp\")",
            "'{name: db, port: 3306}'|SKP0007|is TCP to Istio (port name \"db\" has no protocol prefix and 3306 is a well-known TCP port)",
            "'{name: http-backend, port: 5000}'||",
            "'{name: backend, port: 5000, appProtocol: http}'||",
            "'{name: grpc-web-ui, port: 5000}'||",
            "'{name: backend, port: 5000, appProtocol: kubernetes.io/h2c}'||",
    })
    void withSniffingOff(String port, String code, String text) {
        var found = Fixtures.lines(analyzer, Fixtures.manifests(ISTIOD_NO_SNIFFING + service(port) + VS));
        if (code == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).singleElement().satisfies(l -> assertThat(l).startsWith(code).contains(text));
        }
    }

    @Test
    void withSniffingOnAnUndeclaredPortIsAWarning() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(service("{name: backend, port: 5000}") + VS)))
                .singleElement().satisfies(l -> assertThat(l).startsWith("SKP0008"));
    }

    @Test
    void aServiceWithAnHttpPortIsFineUnlessTheRouteMatchesTheTcpPort() {
        String ports = "{name: http, port: 80}, {name: tcp-db, port: 5432}";
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(ISTIOD_NO_SNIFFING + service(ports) + VS))).isEmpty();
        String matched = VS.replace("- route:", "- match: [{port: 5432}]\n    route:");
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(ISTIOD_NO_SNIFFING + service(ports) + matched)))
                .singleElement().satisfies(l -> assertThat(l).contains("port tcp-db (5432) is TCP"));
    }

    @Test
    void gatewayOnlyRoutesAreNotSidecarRoutes() {
        String gw = VS.replace("hosts: [be]", "hosts: [be]\n  gateways: [ingress]");
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(ISTIOD_NO_SNIFFING + service("{name: backend, port: 5000}") + gw)))
                .isEmpty();
    }

    @Test
    void portProtocolRules() throws Exception {
        ObjectMapper m = new ObjectMapper();
        assertThat(Ports.protocol(m.readTree("{\"name\":\"HTTP2-x\",\"port\":1}")).protocol()).isEqualTo("HTTP2");
        assertThat(Ports.protocol(m.readTree("{\"name\":\"dns\",\"port\":53,\"protocol\":\"UDP\"}")).protocol()).isEqualTo("UDP");
        assertThat(Ports.protocol(m.readTree("{\"name\":\"web\",\"port\":8080}")).undeclared()).isTrue();
    }

    @Test
    void demoWeatherBackend() {
        assertThat(Fixtures.lines(analyzer, Fixtures.demo())).singleElement()
                .satisfies(l -> assertThat(l).startsWith("SKP0007 VirtualService weather/weather-backend:")
                        .contains("Service port backend (5000) is TCP"));
    }
}
