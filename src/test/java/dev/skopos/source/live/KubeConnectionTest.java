package dev.skopos.source.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skopos.source.SourceException;
import dev.skopos.source.SourceException.Reason;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building the client from a kubeconfig file: contexts, namespaces, timeouts, exec plugins, one-line errors. */
@EnableKubernetesMockClient(crud = true)
class KubeConnectionTest {

    KubernetesMockServer server;

    @TempDir
    Path dir;

    @Test
    void opensTheCurrentOrTheNamedContextWithExplicitTimeouts() throws Exception {
        Path file = kubeconfig(server.url("/"), "token: static-token");
        try (KubeConnection c = KubeConnection.open(file, null)) {
            assertThat(c.context()).isEqualTo("dev");
            assertThat(c.namespace()).isEqualTo("shop");
            assertThat(c.client().getConfiguration().getRequestTimeout()).isEqualTo(10_000);
            assertThat(c.client().getConfiguration().getConnectionTimeout()).isEqualTo(10_000);
        }
        try (KubeConnection c = KubeConnection.open(file, "ops")) {
            assertThat(c.context()).isEqualTo("ops");
            assertThat(c.namespace()).isEqualTo("default");
        }
    }

    @Test
    void asksTheServerForItsVersion() throws Exception {
        server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("31").withGitVersion("v1.31.2").build());
        try (KubeConnection c = KubeConnection.open(kubeconfig(server.url("/"), "token: t"), null)) {
            assertThat(c.kubernetesVersion().get(15, TimeUnit.SECONDS)).isEqualTo("v1.31.2");
        }
    }

    @Test
    void runsExecCredentialPlugins() throws Exception {
        Path plugin = dir.resolve("token-plugin.sh");
        Files.writeString(plugin, """
                #!/bin/sh
                echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"from-exec"}}'
                """);
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        Path file = kubeconfig(server.url("/"), """
                exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: %s
                      interactiveMode: Never""".formatted(plugin));
        try (KubeConnection c = KubeConnection.open(file, null)) {
            c.client().pods().inAnyNamespace().list();
            assertThat(server.getLastRequest().getHeader("Authorization")).isEqualTo("Bearer from-exec");
        }
    }

    @Test
    void anUnknownContextIsRefusedNotReplacedByTheCurrentOne() throws Exception {
        Path file = kubeconfig(server.url("/"), "token: t");
        assertThatThrownBy(() -> KubeConnection.open(file, "prod"))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("context \"prod\" not found in " + file);
                });
    }

    @Test
    void aMissingOrMalformedKubeconfigIsOneLine() throws Exception {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> KubeConnection.open(missing, null))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("kubeconfig " + missing + " not found");
                });
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "clusters: [: {\n  - nonsense\n");
        assertThatThrownBy(() -> KubeConnection.open(broken, null))
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
                    assertThat(e.getMessage()).startsWith("cannot read kubeconfig").doesNotContain("\n");
                });
    }

    @Test
    void anUnreachableServerFailsTheVersionWithUnreachable() throws Exception {
        try (KubeConnection c = KubeConnection.open(kubeconfig("http://127.0.0.1:1/", "token: t"), null)) {
            assertThatThrownBy(() -> c.kubernetesVersion().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(SourceException.class, e -> {
                        assertThat(e.reason()).isIn(Reason.UNREACHABLE, Reason.TIMEOUT);
                        assertThat(e.getMessage()).startsWith("version: ").doesNotContain("\n");
                    });
        }
    }

    private Path kubeconfig(String server, String user) throws Exception {
        return Files.writeString(dir.resolve("config-" + System.nanoTime()), """
                apiVersion: v1
                kind: Config
                current-context: dev
                clusters:
                - name: mock
                  cluster:
                    server: %s
                    insecure-skip-tls-verify: true
                contexts:
                - name: dev
                  context: {cluster: mock, user: me, namespace: shop}
                - name: ops
                  context: {cluster: mock, user: me}
                users:
                - name: me
                  user:
                    %s
                """.formatted(server, user));
    }
}
