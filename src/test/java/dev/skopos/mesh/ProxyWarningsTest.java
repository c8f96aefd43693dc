package dev.skopos.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.envoy.CertificateInfo;
import dev.skopos.envoy.ConfigCounts;
import dev.skopos.envoy.LoggerLevels;
import dev.skopos.envoy.ServerInfo;
import dev.skopos.istiod.ProxySync;
import dev.skopos.istiod.SyncState;
import dev.skopos.istiod.TypeSync;
import dev.skopos.mesh.Warning.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyWarningsTest {

    private static final Instant NOW = Instant.parse("2025-11-27T12:00:00Z");
    private static final Fetched<ServerInfo> LIVE =
            Fetched.of(new ServerInfo("v", "LIVE", Duration.ZERO, Duration.ZERO, "", "", ""));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // name                | validFrom            | expiration           | days | ca    | expected (empty: none)
            "root, far away        | 2025-01-01T00:00:00Z | 2035-01-01T00:00:00Z | 3322 | true  | ''",
            "gateway in 6 days     | 2025-09-01T00:00:00Z | 2025-12-03T12:00:00Z | 6    | false | WARNING: Certificate spiffe://x expires in 6d",
            "gateway in 5 hours    | 2025-09-01T00:00:00Z | 2025-11-27T17:00:00Z | 0    | false | ERROR: Certificate spiffe://x expires in 5h",
            "expired               | 2025-09-01T00:00:00Z | 2025-11-25T12:00:00Z | -2   | true  | ERROR: CA certificate spiffe://x expired 2d ago",
            "24h workload, fresh   | 2025-11-27T10:00:00Z | 2025-11-28T10:00:00Z | 0    | false | ''",
            "24h workload, overdue | 2025-11-26T17:00:00Z | 2025-11-27T17:00:00Z | 0    | false | ERROR: Certificate spiffe://x expires in 5h and was not rotated",
            "no dates, days only   |                      |                      | 3    | false | WARNING: Certificate spiffe://x expires in 3d",
    })
    void certificateExpiry(String name, String from, String to, long days, boolean ca, String expected) {
        CertificateInfo cert = new CertificateInfo("<inline>", "1f", List.of("spiffe://x"),
                from == null ? null : Instant.parse(from), to == null ? null : Instant.parse(to), days, ca);

        List<Warning> warnings = ProxyWarnings.derive(healthy(), LIVE, Fetched.failed("-"), Fetched.failed("-"),
                Fetched.of(List.of(cert)), NOW);

        assertThat(warnings.stream().map(w -> w.severity() + ": " + w.text()).toList())
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @Test
    void healthyProxyHasNoWarnings() {
        assertThat(ProxyWarnings.derive(healthy(), LIVE, Fetched.of(new LoggerLevels(Map.of("admin", "warning"))),
                Fetched.of(new ConfigCounts(3, 0, 10, 0, 2, 4, 8, 2, 0)), Fetched.of(List.of()), NOW)).isEmpty();
    }

    @Test
    void podProblemsAndNeverAcknowledgedTypesAreOrderedBySeverity() {
        ProxySync sync = new ProxySync("p.ns", "Kubernetes", "istiod-1", "1.20.3", List.of(
                new TypeSync("t", "LDS", SyncState.STALE, "STALE (Never Acknowledged)", null, null),
                new TypeSync("t", "ECDS", SyncState.ERROR, null, null, null)));
        Proxy proxy = new Proxy(new dev.skopos.source.PodRef("ns", "p"), ProxyKind.SIDECAR, true, "1/2",
                "CrashLoopBackOff", 4, NOW, "1.20.3", sync);

        List<Warning> warnings = ProxyWarnings.derive(proxy, Fetched.failed("x"), Fetched.failed("x"),
                Fetched.of(new ConfigCounts(1, 2, 1, 0, 0, 0, 0, 1, 1)), Fetched.failed("x"), NOW);

        assertThat(warnings.stream().map(w -> w.severity() + ": " + w.text()).toList()).containsExactly(
                "ERROR: Pod is CrashLoopBackOff",
                "ERROR: ECDS in ERROR at istiod",
                "WARNING: 4 container restart(s)",
                "WARNING: LDS STALE (Never Acknowledged)",
                "WARNING: 2 listener(s) warming (waiting for routes or secrets)",
                "WARNING: 1 secret(s) warming (certificate not delivered yet)",
                "INFO: istio-proxy runs as a native sidecar (init container, restartPolicy Always)");
    }

    @ParameterizedTest
    @CsvSource({"Running, 1/2, WARNING", "Init:1/2, 0/2, WARNING", "Terminating, 1/2, WARNING", "Error, 0/2, ERROR",
            "ImagePullBackOff, 0/2, ERROR"})
    void podStatusSeverity(String status, String ready, Severity severity) {
        Proxy proxy = new Proxy(new dev.skopos.source.PodRef("ns", "p"), ProxyKind.SIDECAR, false, ready, status, 0,
                NOW, "1.27.3", new ProxySync("p.ns", "", "", "", List.of()));

        assertThat(ProxyWarnings.derive(proxy, LIVE, Fetched.failed("-"), Fetched.failed("-"), Fetched.failed("-"), NOW))
                .singleElement().extracting(Warning::severity).isEqualTo(severity);
    }

    @ParameterizedTest
    @CsvSource({"0, 0s", "59, 59s", "60, 1m", "3599, 59m", "3600, 1h", "86399, 23h", "86400, 1d", "31536000, 1y"})
    void agesReadLikeKubectl(long seconds, String text) {
        assertThat(ProxyWarnings.age(Duration.ofSeconds(seconds))).isEqualTo(text);
    }

    private static Proxy healthy() {
        return new Proxy(new dev.skopos.source.PodRef("ns", "p"), ProxyKind.SIDECAR, false, "2/2", "Running", 0, NOW,
                "1.27.3", new ProxySync("p.ns", "Kubernetes", "istiod-1", "1.27.3", List.of(
                        new TypeSync("t", "CDS", SyncState.SYNCED, null, NOW, null))));
    }
}
