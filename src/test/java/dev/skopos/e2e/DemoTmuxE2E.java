package dev.skopos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar on the demo mesh in a 120x40 tmux pane, driven as a new user would: filter,
 * drill down, help, back, quit with status 0 and the shell intact.
 */
@Tag("e2e")
class DemoTmuxE2E {

    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration STEP = Duration.ofSeconds(10);

    @Test
    void filterDrillConfigHelpBackAndQuit(@TempDir Path state) throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!ci) {
            assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        }
        Path jar = Path.of(System.getProperty("skopos.jar", "target/skopos.jar"));
        assertThat(jar).exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "env XDG_STATE_HOME=" + state + " " + java + " -jar " + jar.toAbsolutePath()
                + " --demo; echo \"skopos exited with $?\"; exec sleep 120";
        try (Tmux tmux = Tmux.start("skopos-e2e-" + ProcessHandle.current().pid(), 120, 40, command)) {
            String pane = tmux.waitFor("the proxies view", p -> p.contains("proxies(all)") && p.contains("weather-frontend")
                    && p.contains("istio-ingressgateway") && p.contains("ctx demo"), START);
            assertThat(pane).contains("NAMESPACE").contains("SYNC").contains("istio-ingressgateway")
                    .contains("ctx demo");

            tmux.literal("/weather-front");
            tmux.keys("Enter");
            pane = tmux.waitFor("the weather filter", p -> p.contains("</weather-front>") && p.contains("weather-frontend-"),
                    STEP);
            String table = pane.contains("FINDINGS ") ? pane.substring(0, pane.indexOf("FINDINGS ")) : pane;
            assertThat(table).contains("weather-frontend").doesNotContain("istio-ingressgateway")
                    .doesNotContain("respy");

            tmux.keys("Enter");
            pane = tmux.waitFor("the proxy summary", p -> p.contains("summary ") && p.contains("Log levels")
                    && p.contains("Clusters"), STEP);
            assertThat(pane).contains("State").contains("Listeners").contains("Clusters");

            tmux.literal("1");
            pane = tmux.waitFor("the listeners view", p -> p.contains("listeners(weather-frontend"), STEP);
            tmux.literal("/10.96.14.9");
            tmux.keys("Enter");
            pane = tmux.waitFor("the TCP proxy listener for port 5000",
                    p -> p.contains("Cluster: outbound|5000||weather-backend"), STEP);
            assertThat(pane).contains("TCP");
            tmux.keys("Escape");
            tmux.keys("Escape");
            tmux.waitFor("the summary again", p -> p.contains("Log levels") && !p.contains("listeners("), STEP);

            tmux.literal("?");
            pane = tmux.waitFor("help", p -> p.contains("help(keymap") && p.contains("NAVIGATION")
                    && p.contains("ctrl-z"), STEP);
            assertThat(pane).contains("GENERAL").contains("NAVIGATION").contains("ctrl-z");

            tmux.keys("Escape");
            tmux.waitFor("the summary again", p -> p.contains("Log levels") && !p.contains("help(keymap"), STEP);
            tmux.keys("Escape");
            pane = tmux.waitFor("the proxies view again", p -> p.contains("proxies(all)") && p.contains("</weather-front>"),
                    STEP);

            tmux.literal("x");
            // Wait for the whole frame: a capture can land while the terminal is still being drawn.
            pane = tmux.waitFor("the sync view with the NACK",
                    p -> p.contains("rejected by Envoy") && p.contains("script load error"), STEP);
            assertThat(pane).contains("ratings-v1").contains("ERROR").contains("script load error");
            tmux.keys("Escape");
            tmux.waitFor("the proxies view again", p -> p.contains("proxies(all)") && !p.contains("sync["), STEP);

            tmux.literal("a");
            pane = tmux.waitFor("the findings view", p -> p.contains("findings[") && p.contains("SKP0007"), STEP);
            tmux.literal("/SKP0007");
            tmux.keys("Enter", "Enter");
            pane = tmux.waitFor("the 90/10 explanation", p -> p.contains("WHY, FROM ENVOY") && p.contains("tcp_proxy"), STEP);
            // back from the detail, clear the findings filter, back to the proxies
            tmux.keys("Escape");
            tmux.keys("Escape");
            tmux.keys("Escape");
            tmux.waitFor("the proxies view again", p -> p.contains("proxies(all)") && !p.contains("findings["), STEP);

            tmux.literal("q");
            pane = tmux.waitFor("skopos to exit", p -> p.contains("skopos exited with"), STEP);
            assertThat(pane).contains("skopos exited with 0").doesNotContain("proxies(all)");
            assertThat(Files.readString(state.resolve("skopos/skopos.log"))).contains("first frame drawn");
        }
    }
}
