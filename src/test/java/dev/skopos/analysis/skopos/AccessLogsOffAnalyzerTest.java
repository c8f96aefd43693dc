package dev.skopos.analysis.skopos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.analysis.ManifestLoader;
import dev.skopos.analysis.ResourceSnapshot;
import org.junit.jupiter.api.Test;

class AccessLogsOffAnalyzerTest {

    private final AccessLogsOffAnalyzer analyzer = new AccessLogsOffAnalyzer();

    static String configMap(String mesh) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio, namespace: istio-system}\ndata:\n  mesh: |\n    "
                + mesh + "\n---\n";
    }

    static final String TELEMETRY = """
            apiVersion: telemetry.istio.io/v1
            kind: Telemetry
            metadata: {name: mesh-default, namespace: istio-system}
            spec: {accessLogging: [{providers: [{name: envoy}]%s}]}
            """;

    @Test
    void offEverywhereIsReportedOnTheConfigMap() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(configMap("accessLogFile: \"\"")))).containsExactly(
                "SKP0015 ConfigMap istio-system/istio: Envoy access logs are off: mesh config accessLogFile is empty and no"
                        + " Telemetry resource enables access logging");
    }

    @Test
    void disabledTelemetryCarriesTheFinding() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(configMap("trustDomain: x") + TELEMETRY.formatted(", disabled: true"))))
                .singleElement().satisfies(l -> assertThat(l).startsWith("SKP0015 Telemetry istio-system/mesh-default:"));
    }

    @Test
    void nothingInTheSnapshotIsAMeshFinding() {
        var found = Fixtures.run(analyzer, new ResourceSnapshot(java.util.List.of()));
        assertThat(found).singleElement().satisfies(d -> assertThat(d.resource()).isNull());
    }

    @Test
    void onWhenMeshConfigOrTelemetryEnablesThem() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(configMap("accessLogFile: /dev/stdout")))).isEmpty();
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(TELEMETRY.formatted("")))).isEmpty();
        var meshFile = new ResourceSnapshot(ManifestLoader.parse(configMap("trustDomain: x"), "t.yaml"),
                MeshConfigs.parse("accessLogFile: /dev/stdout"), null);
        assertThat(Fixtures.lines(analyzer, meshFile)).isEmpty();
        assertThat(Fixtures.lines(analyzer, Fixtures.demo())).isEmpty();
    }
}
