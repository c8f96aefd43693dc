package dev.skopos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-shot commands against an API server nobody answers on: one line on stderr, exit 1, no empty table. */
class UnreachableClusterTest {

    private static Path kubeconfigToAClosedPort(Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free now, closed once this block ends: connections are refused
        }
        return Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: gone, cluster: {server: "http://127.0.0.1:%d"}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: gone, context: {cluster: gone, user: u}}]
                current-context: gone
                """.formatted(port));
    }

    @Test
    void proxyStatusSaysTheApiServerIsUnreachableInsteadOfPrintingAnEmptyTable(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("ps", "--kubeconfig", kubeconfigToAClosedPort(dir).toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("skopos: ").contains("unreachable").contains("Connection refused").hasLineCount(1);
    }

    @Test
    void proxyConfigToo(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("pc", "cluster", "productpage-v1-0.bookinfo", "--kubeconfig",
                kubeconfigToAClosedPort(dir).toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("unreachable").hasLineCount(1);
    }
}
