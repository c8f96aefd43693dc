package dev.skopos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.MeshSource;
import dev.skopos.source.PodRef;
import dev.skopos.source.live.RestrictedCluster;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --proxy-admin-port}: the TUI's and the one-shot commands' port reaches Envoy where it listens. */
class ProxyAdminPortTest {

    private static final String CONFIG_DUMP = """
            {"configs": [{"@type": "type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
              "static_clusters": [{"cluster": {"@type": "type.googleapis.com/envoy.config.cluster.v3.Cluster",
                "name": "agent", "type": "STATIC"}}]}]}
            """;

    @TempDir
    Path dir;

    @Test
    void proxyConfigReachesEnvoyOnTheAdminPortGiven() throws Exception {
        try (RestrictedCluster cluster = new RestrictedCluster().proxyPod("shop", "cart")
                .answer("shop", "cart", 15999, "/config_dump", CONFIG_DUMP)) {
            String kubeconfig = cluster.kubeconfig(dir).toString();

            CliRun r = CliRun.of("pc", "cluster", "cart.shop", "--kubeconfig", kubeconfig, "--proxy-admin-port", "15999");

            assertThat(r.err()).isEmpty();
            assertThat(r.code()).isZero();
            assertThat(r.out()).startsWith("SERVICE FQDN").contains("agent");
            CliRun defaultPort = CliRun.of("pc", "cluster", "cart.shop", "--kubeconfig", kubeconfig);
            assertThat(defaultPort.code()).isEqualTo(1);
            assertThat(defaultPort.err()).startsWith("skopos: ").contains("15000");
        }
    }

    @Test
    void theTuisPortReachesTheLiveSource() throws Exception {
        SkoposCommand parsed = new SkoposCommand();
        new CommandLine(parsed).parseArgs("--proxy-admin-port", "15999");
        assertThat(parsed.proxyAdminPort).isEqualTo(15999);
        SkoposCommand defaults = new SkoposCommand();
        new CommandLine(defaults).parseArgs();
        assertThat(defaults.proxyAdminPort).isEqualTo(15000);

        var executor = Executors.newCachedThreadPool();
        try (RestrictedCluster cluster = new RestrictedCluster().proxyPod("shop", "cart")
                .answer("shop", "cart", 15999, "/server_info", "{\"state\":\"LIVE\"}");
             MeshSource source = Sources.live(cluster.kubeconfig(dir), null, parsed.proxyAdminPort, executor)) {
            assertThat(source.envoy().serverInfo(new PodRef("shop", "cart")).get(30, TimeUnit.SECONDS)).contains("LIVE");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aPortOutOfRangeIsABadSetting() {
        CliRun r = CliRun.of("--proxy-admin-port", "70000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("skopos: --proxy-admin-port 70000 is not a port (1-65535)").hasLineCount(1);
        assertThat(CliRun.of("--help").out()).contains("--proxy-admin-port=PORT").contains("default: 15000");
        assertThat(CliRun.of("pc", "cluster", "--help").out()).contains("--proxy-admin-port=PORT");
        assertThat(CliRun.of("ps", "--help").out()).contains("--proxy-admin-port=PORT");
    }
}
