package dev.skopos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skopos.source.demo.DemoSource;
import dev.skopos.source.demo.scenario.DemoPod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar against an API server (the demo mesh on fabric8's mock, its own process, behind a
 * relay): the proxies appear; when the API server goes away the stale banner says so while the
 * rows stay; when it comes back the banner goes (the informers re-watch) and the rows are still
 * there; q exits 0.
 */
@Tag("e2e")
class LiveTmuxE2E {

    @Test
    void proxiesAppearGoStaleWhileTheApiServerIsAwayAndRecoverWhenItReturns(@TempDir Path dir) throws Exception {
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        }
        List<DemoPod> proxies = DemoSource.create().mesh().proxies();
        List<String> someRows = List.of(name(proxies, "productpage-v1-"), name(proxies, "istio-ingressgateway-"));
        Predicate<String> rowsShown = p -> p.contains("proxies(all)[" + proxies.size() + "]")
                && someRows.stream().allMatch(p::contains);
        MockApiProcess api = MockApiProcess.shared();
        String command = "env XDG_STATE_HOME=" + dir + " " + MockApiProcess.JAVA + " -jar " + MockApiProcess.JAR
                + " --kubeconfig " + api.kubeconfig() + "; echo \"skopos exited with $?\"; exec sleep 120";
        try (Tmux tmux = Tmux.start("skopos-live-" + ProcessHandle.current().pid(), 120, 40, command)) {
            long started = System.nanoTime();
            String pane = tmux.waitFor("the live proxies", p -> p.contains("ctx mock") && rowsShown.test(p),
                    Duration.ofSeconds(30));
            assertThat(seconds(started)).as("seconds until the proxies appeared").isLessThanOrEqualTo(15);
            assertThat(pane).doesNotContain("STALE:");

            api.down();
            // The banner must come, and the rows must stay: the cache outlives the API server.
            tmux.waitFor("the stale banner over the kept rows",
                    p -> p.contains("STALE:") && p.contains("data from") && rowsShown.test(p), Duration.ofSeconds(45));

            api.up();
            long back = System.nanoTime();
            tmux.waitForSteady("the banner gone and the rows still there",
                    p -> !p.contains("STALE:") && p.contains("ctx mock") && rowsShown.test(p), Duration.ofSeconds(45));
            System.out.printf("LiveTmuxE2E: the stale banner went %.1f s after the API server came back%n",
                    (System.nanoTime() - back) / 1e9);

            tmux.literal("q");
            pane = tmux.waitFor("skopos to exit", p -> p.contains("skopos exited with"), Duration.ofSeconds(15));
            assertThat(pane).contains("skopos exited with 0");
        }
    }

    /** The start of the pod's name: the NAME column cuts long names short with an ellipsis. */
    private static String name(List<DemoPod> pods, String prefix) {
        String name = pods.stream().map(DemoPod::name).filter(n -> n.startsWith(prefix)).findFirst().orElseThrow();
        return name.substring(0, Math.min(name.length(), 24));
    }

    private static long seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
    }
}
