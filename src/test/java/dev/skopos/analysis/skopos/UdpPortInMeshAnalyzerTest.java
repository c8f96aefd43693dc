package dev.skopos.analysis.skopos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UdpPortInMeshAnalyzerTest {

    private final UdpPortInMeshAnalyzer analyzer = new UdpPortInMeshAnalyzer();

    static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: stats, namespace: n}
            spec:
              selector: {app: stats}
              ports: [{name: statsd, port: 8125, protocol: UDP}, {name: http, port: 80}]
            ---
            """;

    static String pod(String containers) {
        return "apiVersion: v1\nkind: Pod\nmetadata: {name: stats-1, namespace: n, labels: {app: stats}}\nspec: {containers: "
                + containers + "}\n";
    }

    @Test
    void udpPortOfAMeshedWorkload() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(SERVICE + pod("[{name: stats}, {name: istio-proxy}]"))))
                .containsExactly("SKP0012 Service n/stats: Service port statsd (8125/UDP) selects meshed workloads, but Istio"
                        + " does not proxy UDP: its traffic bypasses the mesh");
    }

    @Test
    void unmeshedWorkloadOrNoPodsIsFine() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(SERVICE + pod("[{name: stats}]")))).isEmpty();
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(SERVICE))).isEmpty();
    }

    @Test
    void demoHasNoUdp() {
        assertThat(Fixtures.lines(analyzer, Fixtures.demo())).isEmpty();
    }
}
