package dev.skopos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar against an API server (fabric8's mock, started as its own process with a written
 * kubeconfig): the proxies appear, and when the API server goes away the stale banner says so
 * while the rows stay.
 */
@Tag("e2e")
class LiveTmuxE2E {

    @Test
    void proxiesAppearAndALostApiServerShowsTheStaleBanner(@TempDir Path dir) throws Exception {
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        }
        Path jar = Path.of(System.getProperty("skopos.jar", "target/skopos.jar")).toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path kubeconfig = dir.resolve("kubeconfig");
        Process api = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.skopos.source.live.MockApiServerMain", kubeconfig.toString(), "600"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("api.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.exists(kubeconfig) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(kubeconfig).exists();
            String command = "env XDG_STATE_HOME=" + dir + " " + java + " -jar " + jar + " --kubeconfig " + kubeconfig
                    + "; echo \"skopos exited with $?\"; exec sleep 120";
            try (Tmux tmux = Tmux.start("skopos-live-" + ProcessHandle.current().pid(), 120, 30, command)) {
                long started = System.nanoTime();
                String pane = tmux.waitFor("the live proxies", p -> p.contains("ctx mock") && p.contains("cart-")
                        && p.contains("orders-"), Duration.ofSeconds(30));
                long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                assertThat(pane).contains("proxies(all)[2]").contains("shop");
                assertThat(seconds).as("seconds until the proxies appeared").isLessThanOrEqualTo(15);

                api.destroy();
                // The banner must come, and the rows must stay: the cache outlives the API server.
                tmux.waitFor("the stale banner over the kept rows", p -> p.contains("STALE:") && p.contains("data from")
                        && p.contains("cart-") && p.contains("orders-"), Duration.ofSeconds(45));

                tmux.literal("q");
                pane = tmux.waitFor("skopos to exit", p -> p.contains("skopos exited with"), Duration.ofSeconds(15));
                assertThat(pane).contains("skopos exited with 0");
            }
        } finally {
            api.destroyForcibly();
        }
    }
}
