package dev.skopos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skopos.tui.ContextSwitcher.KubeContext;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigTest {

    static final String TWO_CONTEXTS = """
            apiVersion: v1
            kind: Config
            current-context: east
            clusters:
            - name: east-cluster
              cluster: {server: https://east.example:6443}
            contexts:
            - name: east
              context: {cluster: east-cluster, user: oncall, namespace: payments}
            - name: west
              context: {cluster: west-cluster, user: oncall}
            users:
            - name: oncall
              user: {token: secret-token}
            """;

    @Test
    void readsContextsInFileOrderWithTheCurrentOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("config"), TWO_CONTEXTS);
        Kubeconfig k = Kubeconfig.read(file, null, null, false);
        assertThat(k.current()).isEqualTo("east");
        assertThat(k.contexts()).containsExactly(new KubeContext("east", "east-cluster", "oncall", "payments"),
                new KubeContext("west", "west-cluster", "oncall", ""));
        assertThat(k.defaultContexts()).containsExactly("east");
        k.requireContexts(List.of("west", "east"));
        assertThatThrownBy(() -> k.requireContexts(List.of("north")))
                .hasMessage("context \"north\" not found in " + file);
    }

    @Test
    void mergesKubeconfigFilesLikeKubectlFirstOneWins(@TempDir Path dir) throws Exception {
        Path one = Files.writeString(dir.resolve("one"), "contexts:\n- name: west\n  context: {cluster: first}\n");
        Path two = Files.writeString(dir.resolve("two"), TWO_CONTEXTS);
        String env = one + File.pathSeparator + dir.resolve("missing") + File.pathSeparator + two;
        Kubeconfig k = Kubeconfig.read(null, env, "/nonexistent", false);
        assertThat(k.files()).containsExactly(one, two);
        assertThat(k.current()).isEqualTo("east");
        assertThat(k.contexts()).extracting(KubeContext::name).containsExactly("west", "east");
        assertThat(k.contexts().get(0).cluster()).isEqualTo("first");
    }

    @Test
    void fallsBackToTheHomeConfigThenToInCluster(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), TWO_CONTEXTS);
        assertThat(Kubeconfig.read(null, "", home.toString(), false).current()).isEqualTo("east");

        Kubeconfig inCluster = Kubeconfig.read(null, null, home.resolve("nobody").toString(), true);
        assertThat(inCluster.inCluster()).isTrue();
        assertThat(inCluster.defaultContexts()).containsExactly("in-cluster");
        assertThatThrownBy(() -> Kubeconfig.read(null, null, home.resolve("nobody").toString(), false))
                .hasMessageContaining("no kubeconfig found");
    }

    @Test
    void aBrokenOrEmptyFileSaysSoInOneLine(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken"), "apiVersion: v1\nclusters: [this is not: a kubeconfig\n");
        assertThatThrownBy(() -> Kubeconfig.read(broken, null, null, false))
                .hasMessageStartingWith("cannot read kubeconfig " + broken + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Path list = Files.writeString(dir.resolve("list"), "- a\n- b\n");
        assertThatThrownBy(() -> Kubeconfig.read(list, null, null, false)).hasMessageContaining("not a YAML mapping");
        Path empty = Files.writeString(dir.resolve("empty"), "");
        Kubeconfig none = Kubeconfig.read(empty, null, null, false);
        assertThat(none.contexts()).isEmpty();
        assertThatThrownBy(none::defaultContexts).hasMessageContaining("no current-context");
        assertThatThrownBy(() -> Kubeconfig.read(dir.resolve("nope"), null, null, false)).hasMessageContaining("not found");
    }
}
