package dev.skopos.analysis.skopos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadlessServiceRoutedAnalyzerTest {

    private final HeadlessServiceRoutedAnalyzer analyzer = new HeadlessServiceRoutedAnalyzer();

    static String service(String clusterIp) {
        return "apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: n}\nspec: {clusterIP: " + clusterIp
                + ", selector: {app: db}, ports: [{name: tcp, port: 5432}]}\n---\n";
    }

    static final String VS = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: db, namespace: n}
            spec:
              hosts: [db]
              tcp: [{route: [{destination: {host: db.n.svc.cluster.local}}]}]
            """;

    @Test
    void routeToHeadless() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(service("None") + VS))).singleElement()
                .satisfies(l -> assertThat(l).startsWith("SKP0013 VirtualService n/db: VirtualService n/db routes to db.n,"
                        + " a headless Service"));
    }

    @Test
    void clusterIpServiceOrGatewayRouteIsFine() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(service("10.0.0.9") + VS))).isEmpty();
        String gw = VS.replace("hosts: [db]", "hosts: [db]\n  gateways: [edge]");
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(service("None") + gw))).isEmpty();
    }
}
