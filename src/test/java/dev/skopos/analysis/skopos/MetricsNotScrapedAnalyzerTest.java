package dev.skopos.analysis.skopos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsNotScrapedAnalyzerTest {

    private final MetricsNotScrapedAnalyzer analyzer = new MetricsNotScrapedAnalyzer();

    static String deployment(String annotations, String ports) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: n}\nspec:\n  template:\n"
                + "    metadata: {annotations: " + annotations + "}\n"
                + "    spec: {containers: [{name: api, ports: " + ports + "}]}\n";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|'[{name: http-metrics, containerPort: 9090}]'|http-metrics 9090",
            "{}|'[{containerPort: 9091}]'|9091",
            "{}|'[{name: prom-metrics, containerPort: 8000}]'|prom-metrics 8000",
            "{prometheus.io/scrape: \"true\"}|'[{name: http-metrics, containerPort: 9090}]'|",
            "{}|'[{name: http, containerPort: 8080}]'|",
            "{}|'[{name: http-envoy-prom, containerPort: 15090}]'|",
    })
    void metricsPortWithoutScrapeAnnotation(String annotations, String ports, String expectedPort) {
        var found = Fixtures.lines(analyzer, Fixtures.manifests(deployment(annotations, ports)));
        if (expectedPort == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).containsExactly("SKP0009 Deployment n/api: Deployment n/api exposes metrics on container port "
                    + expectedPort + " but its pod template lacks prometheus.io/scrape, prometheus.io/port, prometheus.io/path:"
                    + " Prometheus gets Istio's merged metrics without the application's");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the injector's 15020 annotations alone do not count; its copy of the app's does
            "'[]'|1",
            "'[{name: ISTIO_PROMETHEUS_ANNOTATIONS, value: \"{\\\"scrape\\\":\\\"true\\\",\\\"port\\\":\\\"9090\\\"}\"}]'|0",
    })
    void bareInjectedPod(String env, int expected) {
        String pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n, annotations: {prometheus.io/scrape: \"true\","
                + " prometheus.io/port: \"15020\", prometheus.io/path: /stats/prometheus}}\n"
                + "spec: {containers: [{name: app, ports: [{name: metrics, containerPort: 9090}]}, {name: istio-proxy, env: "
                + env + "}]}\n";
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(pod))).hasSize(expected);
    }
}
