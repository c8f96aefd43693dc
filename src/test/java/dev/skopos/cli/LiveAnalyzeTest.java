package dev.skopos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.live.RestrictedCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skopos analyze} on a live (mock) API server: an identity that may not read everything gets
 * what it can on stdout and, on stderr, one line per reason saying what it could not read; the API
 * server's version reaches the version check.
 */
class LiveAnalyzeTest {

    @TempDir
    Path dir;

    @Test
    void analyzeWithoutSecretsAndConfigMapsPrintsTheRestAndSaysWhatItCouldNotRead() throws Exception {
        try (RestrictedCluster cluster = new RestrictedCluster().deny("secrets", "configmaps")
                .kubernetesVersion("v1.27.3").proxyPod("shop", "cart").virtualService("shop", "cart", "missing-gw")) {
            CliRun r = CliRun.of("analyze", "--kubeconfig", cluster.kubeconfig(dir).toString(), "-A");

            assertThat(r.out()).contains("Error [IST0101] (VirtualService shop/cart) Referenced gateway not found: "
                    + "\"missing-gw\"");
            assertThat(r.out()).contains("[IST0142]").contains("v1.27.3"); // the API server's version was analysed
            assertThat(r.err()).startsWith("skopos: partial analysis: forbidden: needs list on configmaps, secrets"
                    + " at cluster scope; try -n NAMESPACE\n");
            assertThat(r.err().lines().filter(l -> l.contains("forbidden"))).hasSize(1);
            assertThat(r.code()).isEqualTo(AnalyzeCommand.EXIT_ISSUES);
        }
    }

    @Test
    void aSupportedVersionAddsNoFinding() throws Exception {
        try (RestrictedCluster cluster = new RestrictedCluster().kubernetesVersion("v1.33.1").proxyPod("shop", "cart")) {
            CliRun r = CliRun.of("analyze", "--kubeconfig", cluster.kubeconfig(dir).toString(), "-A");

            assertThat(r.out()).doesNotContain("IST0142");
            assertThat(r.err()).doesNotContain("partial analysis");
        }
    }

    @Test
    void analyzeInTheOneNamespaceAnIdentityMayList() throws Exception {
        try (RestrictedCluster cluster = new RestrictedCluster().allowOnlyIn("pods", "team-a").deny("namespaces")
                .proxyPod("team-a", "web").proxyPod("team-b", "web")) {
            CliRun r = CliRun.of("analyze", "--kubeconfig", cluster.kubeconfig(dir).toString(), "-n", "team-a");

            assertThat(r.err()).contains("skopos: partial analysis: forbidden: needs list on namespaces")
                    .doesNotContain("pods");
            assertThat(cluster.collectionRequests()).contains("list pods in team-a").doesNotContain("list pods in team-b");
            assertThat(r.code()).isIn(0, AnalyzeCommand.EXIT_ISSUES);
        }
    }
}
