package dev.skopos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.demo.DemoSource;
import dev.skopos.source.demo.scenario.DemoPod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar's one-shot {@code proxy-config} against an API server process (the demo mesh on
 * fabric8's mock): the pod's Envoy admin is reached by port-forward, and since the mock answers
 * with the demo's config dump for a pod of the same name, the output must be byte for byte what
 * {@code --demo} prints. An unknown pod is one line on stderr and exit 1.
 */
@Tag("e2e")
class LiveProxyConfigE2E {

    @Test
    void proxyConfigThroughAPortForwardPrintsWhatTheDemoPrints(@TempDir Path dir) throws Exception {
        DemoPod productpage = DemoSource.create().mesh().proxies().stream()
                .filter(p -> p.name().startsWith("productpage-v1-")).findFirst().orElseThrow();
        ExecutorService runner = Executors.newCachedThreadPool();
        try {
            String kubeconfig = MockApiProcess.shared().kubeconfig().toString();

            // istioctl's two spellings: POD -n NS here, POD.NS (and the pc alias) for the demo. Three
            // JVMs at once: each mostly waits (start-up, sync, the tunnel), so the test takes one's time.
            CompletableFuture<MockApiProcess.Run> liveRun = run(runner, dir.resolve("live"), "proxy-config", "cluster", productpage.name(),
                    "-n", productpage.namespace(), "--kubeconfig", kubeconfig);
            CompletableFuture<MockApiProcess.Run> demoRun = run(runner, dir.resolve("demo"), "pc", "cluster",
                    productpage.name() + "." + productpage.namespace(), "--demo");
            CompletableFuture<MockApiProcess.Run> unknownRun = run(runner, dir.resolve("unknown"), "pc", "cluster", "nope-0.bookinfo",
                    "--kubeconfig", kubeconfig);
            MockApiProcess.Run live = liveRun.join();
            MockApiProcess.Run demo = demoRun.join();
            MockApiProcess.Run unknown = unknownRun.join();
            assertThat(live.stderr()).isEmpty();
            assertThat(live.exitCode()).isZero();
            assertThat(demo.exitCode()).isZero();
            assertThat(live.stdout()).startsWith("SERVICE FQDN").contains("reviews.bookinfo.svc.cluster.local")
                    .isEqualTo(demo.stdout());

            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.stdout()).isEmpty();
            assertThat(unknown.stderr()).isEqualTo("skopos: pod bookinfo/nope-0 not found\n");
        } finally {
            runner.shutdownNow();
        }
    }

    /** Runs the jar on a thread of its own, with its own state directory (log file). */
    private static CompletableFuture<MockApiProcess.Run> run(ExecutorService runner, Path state, String... args) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return MockApiProcess.skopos(Files.createDirectories(state), args);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, runner);
    }
}
