package dev.skopos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.source.demo.DemoSource;
import dev.skopos.source.demo.scenario.DemoPod;
import java.nio.file.Path;
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
        try (MockApiProcess api = MockApiProcess.start(dir)) {
            String kubeconfig = api.kubeconfig().toString();

            // istioctl's two spellings: POD -n NS here, POD.NS (and the pc alias) for the demo.
            MockApiProcess.Run live = MockApiProcess.skopos(dir, "proxy-config", "cluster", productpage.name(),
                    "-n", productpage.namespace(), "--kubeconfig", kubeconfig);
            MockApiProcess.Run demo = MockApiProcess.skopos(dir, "pc", "cluster",
                    productpage.name() + "." + productpage.namespace(), "--demo");
            assertThat(live.stderr()).isEmpty();
            assertThat(live.exitCode()).isZero();
            assertThat(demo.exitCode()).isZero();
            assertThat(live.stdout()).startsWith("SERVICE FQDN").contains("reviews.bookinfo.svc.cluster.local")
                    .isEqualTo(demo.stdout());

            MockApiProcess.Run unknown = MockApiProcess.skopos(dir, "pc", "cluster", "nope-0.bookinfo",
                    "--kubeconfig", kubeconfig);
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.stdout()).isEmpty();
            assertThat(unknown.stderr()).isEqualTo("skopos: pod bookinfo/nope-0 not found\n");
        }
    }
}
