package dev.skopos.source.demo.scenario;

import java.time.Duration;
import java.util.Map;

/** A namespace of the demo cluster; injection is enabled by label, as the sidecar injector decides. */
public record DemoNamespace(String name, Map<String, String> labels, Duration age) {

    public boolean injected() {
        return "enabled".equals(labels.get("istio-injection")) || labels.containsKey("istio.io/rev");
    }
}
