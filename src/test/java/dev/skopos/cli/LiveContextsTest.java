package dev.skopos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.tui.ContextSwitcher.KubeContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** :ctx reads the kubeconfig again only when it changed: the prompt asks at every redraw. */
class LiveContextsTest {

    private static final String ONE = "contexts:\n- name: east\n  context: {cluster: e}\n";
    private static final String TWO = ONE + "- name: west\n  context: {cluster: w}\n";

    @Test
    void anUnchangedKubeconfigIsNotParsedAgainAndAChangedOneIs(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("config"), ONE);
        LiveContexts contexts = new LiveContexts(file, 15000, Runnable::run);
        List<KubeContext> first = contexts.available();
        assertThat(first).extracting(KubeContext::name).containsExactly("east");
        assertThat(contexts.available()).as("same answer, not parsed again").isSameAs(first);

        Files.writeString(file, TWO);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2_000));
        assertThat(contexts.available()).extracting(KubeContext::name).containsExactly("east", "west");

        Files.delete(file);
        assertThat(contexts.available()).isEmpty();
    }
}
