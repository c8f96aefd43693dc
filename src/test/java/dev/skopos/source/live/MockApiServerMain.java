package dev.skopos.source.live;

import dev.skopos.source.demo.DemoSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo mesh on fabric8's mock API server, for trying {@code skopos --kubeconfig K} by hand and
 * for the live end-to-end tests: the demo's namespaces, pods and services, its proxies' Envoy
 * admin and istiod's debug answers through port-forwards (see {@link DemoMeshOnMockServer}).
 * The kubeconfig points at a relay in front of the server; type {@code down} or {@code up} on
 * stdin to take the API server away and bring it back (each acknowledged on stdout).
 * {@code java -cp target/test-classes:target/skopos.jar:$(deps) dev.skopos.source.live.MockApiServerMain KUBECONFIG SECONDS}
 */
public final class MockApiServerMain {

    private MockApiServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path kubeconfig = Path.of(args[0]);
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 120;
        try (MockApiServer api = MockApiServer.start()) {
            DemoMeshOnMockServer.serve(api, DemoSource.create());
            api.writeKubeconfig(kubeconfig);
            System.out.println("serving " + api.relay().url() + " (kubeconfig " + kubeconfig + ")");
            Thread control = new Thread(() -> obey(api), "relay-control");
            control.setDaemon(true);
            control.start();
            Thread.sleep(seconds * 1000);
        }
    }

    /** {@code down} and {@code up} lines switch the relay; stdin closing leaves it as it is. */
    private static void obey(MockApiServer api) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.strip()) {
                    case "down" -> api.down(Duration.ofSeconds(10));
                    case "up" -> api.up();
                    default -> {
                        System.out.println("unknown command: " + line.strip() + " (down, up)");
                        continue;
                    }
                }
                System.out.println("relay " + (api.relay().isUp() ? "up" : "down"));
            }
        } catch (IOException | InterruptedException e) {
            System.out.println("stdin: " + e.getMessage());
        }
    }
}
