package dev.skopos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skopos.source.demo.DemoSource;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switching kube contexts in the real jar without a restart: from the mock cluster to a context
 * where nothing listens (the banner says so, nothing crashes), then to two contexts at once (a
 * CLUSTER column, every proxy of both), the contexts view marking what is watched, q exits 0.
 */
@Tag("e2e")
class LiveContextsTmuxE2E {

    @Test
    void contextsSwitchInPlaceIncludingAnUnreachableOneAndTwoAtOnce(@TempDir Path dir) throws Exception {
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        }
        int proxies = DemoSource.create().mesh().proxies().size();
        MockApiProcess api = MockApiProcess.shared();
        String command = "env XDG_STATE_HOME=" + dir + " " + MockApiProcess.JAVA + " -jar " + MockApiProcess.JAR
                + " --kubeconfig " + api.kubeconfig() + "; echo \"skopos exited with $?\"; exec sleep 120";
        try (Tmux tmux = Tmux.start("skopos-ctx-" + ProcessHandle.current().pid(), 120, 40, command)) {
            tmux.waitFor("the mock cluster's proxies",
                    p -> p.contains("ctx mock ") && p.contains("proxies(all)[" + proxies + "]"), Duration.ofSeconds(30));

            tmux.literal(":ctx nowhere");
            tmux.keys("Enter");
            String pane = tmux.waitForSteady("the unreachable context's banner", p -> p.contains("ctx nowhere")
                    && p.contains("STALE:") && p.contains("unreachable") && p.contains("proxies(all)[0]"),
                    Duration.ofSeconds(45));
            assertThat(pane).contains("proxies(all)[0]");

            tmux.literal(":ctx mock,mirror");
            tmux.keys("Enter");
            pane = tmux.waitForSteady("both contexts' proxies",
                    p -> p.contains("ctx mock,mirror") && p.contains("proxies(all)[" + 2 * proxies + "]")
                            && p.contains("CLUSTER") && p.contains("mirror    bookinfo") && !p.contains("STALE:"),
                    Duration.ofSeconds(45));
            assertThat(pane).contains("mirror    bookinfo");

            tmux.literal(":ctx");
            tmux.keys("Enter");
            // The whole view, not a capture taken mid-draw: every row and the breadcrumb are on screen.
            pane = tmux.waitForSteady("the contexts view", p -> p.contains("contexts[3]")
                    && p.contains("nowhere   mock") && p.contains("proxies   contexts"), Duration.ofSeconds(10));
            assertThat(pane).containsPattern("\\*\\s+mock\\s").containsPattern("\\*\\s+mirror\\s")
                    .containsPattern("│\\s+nowhere\\s+nowhere");

            tmux.keys("Escape"); // back first: esc with q right behind it reads as alt-q
            tmux.waitFor("the proxies again", p -> p.contains("proxies(all)[" + 2 * proxies + "]"), Duration.ofSeconds(10));
            tmux.literal("q");
            pane = tmux.waitFor("skopos to exit", p -> p.contains("skopos exited with"), Duration.ofSeconds(15));
            assertThat(pane).contains("skopos exited with 0");
        }
    }
}
