package dev.skopos.analysis.security;

import static dev.skopos.analysis.security.Fixtures.run;
import static dev.skopos.analysis.security.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelemetryAnalyzersTest {

    private static final String PODS = """
            apiVersion: v1
            kind: Pod
            metadata: {name: a-1, namespace: ns, labels: {app: a, tier: web}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: a-2, namespace: other, labels: {app: a}}
            ---
            """;

    @Test
    void selectorMustMatchAPodInItsOwnNamespace() {
        String yaml = PODS + """
                apiVersion: telemetry.istio.io/v1
                kind: Telemetry
                metadata: {name: b, namespace: ns}
                spec: {selector: {matchLabels: {app: b}}}
                ---
                apiVersion: telemetry.istio.io/v1
                kind: Telemetry
                metadata: {name: c, namespace: empty}
                spec: {selector: {matchLabels: {app: a}}}
                """;
        assertThat(run(new TelemetrySelectorAnalyzer(), snapshot(yaml))).containsExactly(
                "IST0101 Telemetry ns/b: Referenced selector not found: \"app=b\"",
                "IST0101 Telemetry empty/c: Referenced selector not found: \"app=a\"");
    }

    @Test
    void twoTelemetriesSelectingOnePodConflict() {
        String yaml = PODS + """
                apiVersion: telemetry.istio.io/v1
                kind: Telemetry
                metadata: {name: by-app, namespace: ns}
                spec: {selector: {matchLabels: {app: a}}}
                ---
                apiVersion: telemetry.istio.io/v1
                kind: Telemetry
                metadata: {name: by-tier, namespace: ns}
                spec: {selector: {matchLabels: {tier: web}}}
                """;
        String tail = ": The Telemetries [by-app by-tier] in namespace \"ns\" select the same workload pod \"a-1\", "
                + "which can lead to undefined behavior.";
        assertThat(run(new TelemetrySelectorAnalyzer(), snapshot(yaml))).containsExactly(
                "IST0159 Telemetry ns/by-app" + tail, "IST0159 Telemetry ns/by-tier" + tail);
    }

    @Test
    void defaultAccessLogProvidersMakeEmptyProviderListsFine() throws Exception {
        String yaml = """
                apiVersion: telemetry.istio.io/v1
                kind: Telemetry
                metadata: {name: logs, namespace: ns}
                spec: {accessLogging: [{filter: {expression: "true"}}]}
                """;
        assertThat(run(new TelemetryProviderAnalyzer(), snapshot(yaml))).containsExactly(
                "IST0157 Telemetry ns/logs: The Telemetry logs in namespace \"ns\" with empty providers will be ignored.");
        assertThat(run(new TelemetryProviderAnalyzer(),
                snapshot(yaml, "defaultProviders: {accessLogging: [envoy]}"))).isEmpty();
    }

    @Test
    void onlyLightstepTypedProvidersAreDeprecated() throws Exception {
        String yaml = """
                apiVersion: telemetry.istio.io/v1
                kind: Telemetry
                metadata: {name: traces, namespace: ns}
                spec: {tracing: [{providers: [{name: ls}, {name: otel}]}]}
                """;
        String mesh = """
                extensionProviders:
                - {name: ls, lightstep: {service: ls.svc, port: 443}}
                - {name: otel, opentelemetry: {service: otel.svc, port: 4317}}
                """;
        assertThat(run(new TelemetryLightstepAnalyzer(), snapshot(yaml, mesh))).containsExactly(
                "IST0002 Telemetry ns/traces: Deprecated: The Lightstep provider ls is deprecated, "
                        + "please migrate to OpenTelemetry provider.");
    }

    @Test
    void anEmptySelectorStillCountsAsASelectorForTheDefaultCheck() {
        String yaml = """
                apiVersion: telemetry.istio.io/v1
                kind: Telemetry
                metadata: {name: one, namespace: ns}
                spec: {}
                ---
                apiVersion: telemetry.istio.io/v1
                kind: Telemetry
                metadata: {name: two, namespace: ns}
                spec: {selector: {}}
                """;
        assertThat(run(new TelemetryDefaultSelectorAnalyzer(), snapshot(yaml))).isEmpty();
    }
}
