package dev.skopos.analysis.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.analysis.AnalysisRun;
import dev.skopos.analysis.ManifestLoader;
import dev.skopos.analysis.ResourceSnapshot;
import dev.skopos.analysis.Suppressions;
import dev.skopos.analysis.precheck.UpgradeCompatibilityAnalyzer.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradeCompatibilityAnalyzerTest {

    private static final String ZIPKIN = """
            apiVersion: v1
            kind: Service
            metadata: {name: zipkin, namespace: istio-system}
            spec: {ports: [{name: http-query, port: 9411}]}
            ---
            """;

    private static String istiod(String image, String labels) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: istiod, namespace: istio-system, labels: {app: istiod%s}}
                spec:
                  template:
                    spec:
                      containers: [{name: discovery, image: "%s"}]
                ---
                """.formatted(labels, image);
    }

    private static List<String> run(UpgradeCompatibilityAnalyzer analyzer, String yaml) {
        ResourceSnapshot snapshot = new ResourceSnapshot(ManifestLoader.parse(yaml, "test.yaml"));
        return AnalysisRun.run(snapshot, List.of(analyzer), Suppressions.NONE).stream()
                .map(d -> d.code() + " (" + (d.resource() == null ? "-" : d.resource().display()) + ") " + d.message())
                .toList();
    }

    @Test
    void zipkinServiceUnderAnOldIstiodIsAnUpdateIncompatibility() {
        assertThat(run(new UpgradeCompatibilityAnalyzer(), ZIPKIN + istiod("docker.io/istio/pilot:1.21.2-distroless", "")))
                .containsExactly("IST0169 (Service istio-system/zipkin) The configuration "
                        + "\"meshConfig.defaultConfig.tracer\" changed in release 1.21: tracing is no longer by default "
                        + "enabled to send to 'zipkin.istio-system.svc'; follow "
                        + "https://istio.io/latest/docs/tasks/observability/distributed-tracing/telemetry-api/. "
                        + "Or, install with `--set compatibilityVersion=1.21` to retain the old default.");
    }

    @Test
    void newerIstiodNoZipkinOrNoIstiodSaysNothing() {
        UpgradeCompatibilityAnalyzer analyzer = new UpgradeCompatibilityAnalyzer();
        assertThat(run(analyzer, ZIPKIN + istiod("docker.io/istio/pilot:1.22.0", ""))).isEmpty();
        assertThat(run(analyzer, istiod("docker.io/istio/pilot:1.20.1", ""))).isEmpty();
        assertThat(run(analyzer, ZIPKIN)).isEmpty();
        // Pinned by digest only: the version is unreadable, so no guess.
        assertThat(run(analyzer, ZIPKIN + istiod("gcr.io/istio/pilot@sha256:abc", ""))).isEmpty();
    }

    @Test
    void theOldestRevisionDecidesAndLabelsStandInForAnUnreadableTag() {
        String canary = istiod("docker.io/istio/pilot:1.27.1", "").replace("name: istiod,", "name: istiod-canary,");
        String stable = istiod("registry.local:5000/pilot@sha256:abc", ", operator.istio.io/version: 1.20.3");
        assertThat(run(new UpgradeCompatibilityAnalyzer(), ZIPKIN + canary + stable)).hasSize(1)
                .allSatisfy(line -> assertThat(line).startsWith("IST0169 (Service istio-system/zipkin)"));
    }

    @Test
    void undetectableChangesAreUnknownCompatibilityAboutTheMesh() {
        UpgradeCompatibilityAnalyzer analyzer = new UpgradeCompatibilityAnalyzer(List.of(new Change(
                "SOME_FLAG", "1.26", "1.25", 25, "unknown", "", "", "consult upgrade notes")));
        assertThat(run(analyzer, istiod("istio/pilot:1.25.2", ""))).containsExactly(
                "IST0168 (-) The configuration \"SOME_FLAG\" changed in release 1.26, but compatibility cannot be "
                        + "automatically detected: consult upgrade notes. Or, install with "
                        + "`--set compatibilityVersion=1.25` to retain the old default.");
        assertThat(run(analyzer, istiod("istio/pilot:1.26.0", ""))).isEmpty();
    }

    @Test
    void versionsAreReadFromTagsAsIstioPublishesThem() {
        assertThat(UpgradeCompatibilityAnalyzer.tag("host:5000/istio/pilot:1.21.2@sha256:ab")).isEqualTo("1.21.2");
        assertThat(UpgradeCompatibilityAnalyzer.tag("host:5000/istio/pilot")).isEmpty();
        assertThat(UpgradeCompatibilityAnalyzer.releaseMinor("1.22-alpha.0123abc")).hasValue(22);
        assertThat(UpgradeCompatibilityAnalyzer.releaseMinor("2.1.0")).isEmpty();
        assertThat(UpgradeCompatibilityAnalyzer.releaseMinor("latest")).isEmpty();
    }
}
