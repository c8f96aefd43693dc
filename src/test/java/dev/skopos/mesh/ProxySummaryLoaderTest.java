package dev.skopos.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.envoy.ConfigCounts;
import dev.skopos.envoy.EnvoyParseException;
import dev.skopos.istiod.ProxySync;
import dev.skopos.istiod.SyncState;
import dev.skopos.istiod.TypeSync;
import dev.skopos.istiod.XdsTypes;
import dev.skopos.mesh.Warning.Severity;
import dev.skopos.source.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxySummaryLoaderTest {

    private static final Instant NOW = Instant.parse("2025-11-27T12:00:00Z");
    private static final String DUMP = """
            {"configs": [
              {"@type": "type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
               "dynamic_active_clusters": [{}, {}], "dynamic_warming_clusters": [{}]},
              {"@type": "type.googleapis.com/envoy.admin.v3.ListenersConfigDump",
               "dynamic_listeners": [{"active_state": {}}]}]}
            """;

    @Test
    void parsesEverySectionAndDerivesWarnings() throws Exception {
        FakeMeshSource source = new FakeMeshSource()
                .answer("server_info", envoyFixture("server_info_initializing.json"))
                .answer("logging", envoyFixture("logging.txt"))
                .answer("config_dump", DUMP)
                .answer("certs", envoyFixture("certs.json"));
        Proxy proxy = proxy(nackedAndStale());

        ProxySummary summary = loader(source).load(proxy).get(5, TimeUnit.SECONDS);

        assertThat(summary.proxy()).isSameAs(proxy);
        assertThat(summary.serverInfo().value().state()).isEqualTo("INITIALIZING");
        assertThat(summary.logLevels().value().levels()).containsEntry("http", "debug");
        assertThat(summary.counts().value()).isEqualTo(new ConfigCounts(1, 0, 2, 1, 0, 0, 0, 0, 0));
        assertThat(summary.certificates().value()).hasSize(3);
        assertThat(summary.warnings()).extracting(Warning::severity, Warning::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Severity.ERROR,
                        "LDS rejected by Envoy (NACK): Error adding/updating listener(s) 0.0.0.0_9080: script load error"),
                org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "CDS STALE, last acknowledged 20m ago"),
                org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "Envoy is INITIALIZING, not LIVE"),
                org.assertj.core.groups.Tuple.tuple(Severity.WARNING,
                        "1 cluster(s) warming (waiting for endpoints or secrets)"),
                org.assertj.core.groups.Tuple.tuple(Severity.INFO,
                        "2 logger(s) at debug or trace level (costly under load)"));
    }

    @Test
    void aFailingSectionFailsAloneWithAOneLineReason() throws Exception {
        FakeMeshSource source = new FakeMeshSource()
                .answer("server_info", envoyFixture("server_info.json"))
                .answer("logging", "<html><body>Envoy Admin</body></html>")
                .throwing("config_dump", new SourceException(SourceException.Reason.TIMEOUT,
                        "config_dump: no answer within 10s"))
                .fail("certs", new SourceException(SourceException.Reason.UNREACHABLE,
                        "port-forward to bookinfo/productpage:15000 refused\n(connection reset)"));

        ProxySummary summary = loader(source).load(proxy(null)).get(5, TimeUnit.SECONDS);

        assertThat(summary.serverInfo().ok()).isTrue();
        assertThat(summary.logLevels().error()).isEqualTo("logging: no 'active loggers:' list in the answer");
        assertThat(summary.counts().error()).isEqualTo("config_dump: no answer within 10s");
        assertThat(summary.certificates().error())
                .isEqualTo("port-forward to bookinfo/productpage:15000 refused (connection reset)");
        assertThat(summary.warnings()).extracting(Warning::text)
                .containsExactly("No istiod reports this proxy (not connected, or istiod unreachable)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "completion | source down     | source down",
            "plain      | ''              | IllegalStateException",
    })
    void reasonsUnwrapFutureWrappers(String wrap, String message, String reason) {
        RuntimeException cause = message.isEmpty()
                ? new IllegalStateException()
                : new EnvoyParseException(message);
        Throwable error = wrap.equals("completion") ? new CompletionException(cause) : cause;

        assertThat(dev.skopos.source.SourceException.describe(error)).isEqualTo(reason);
    }

    private static ProxySummaryLoader loader(FakeMeshSource source) {
        return new ProxySummaryLoader(source, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Proxy proxy(ProxySync sync) {
        return ProxyInventory.build(List.of(PodFixtures.pod("classic-sidecar.json")),
                sync == null ? List.of() : List.of(sync)).get(0);
    }

    private static ProxySync nackedAndStale() {
        return new ProxySync("productpage-v1-54bb874995-x7n2k.bookinfo", "Kubernetes", "istiod-1", "1.26.2", List.of(
                new TypeSync(XdsTypes.CLUSTER, "CDS", SyncState.STALE, null, NOW.minusSeconds(20 * 60), null),
                new TypeSync(XdsTypes.LISTENER, "LDS", SyncState.ERROR, null, null,
                        "Error adding/updating listener(s) 0.0.0.0_9080:\n  script load error"),
                new TypeSync(XdsTypes.ROUTE, "RDS", SyncState.SYNCED, null, NOW, null)));
    }

    private static String envoyFixture(String name) {
        try (InputStream in = ProxySummaryLoaderTest.class.getResourceAsStream("/envoy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
