package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.List;

/**
 * HTTP probes that the kubelet sends in plaintext straight to a STRICT mTLS port. The injector normally
 * rewrites HTTP probes to the agent's /app-health endpoint on 15020 (which is not intercepted), unless
 * the pod says {@code sidecar.istio.io/rewriteAppHTTPProbers: "false"}. Checked on pods, because only
 * they show whether the injector ran and what it did to the probes.
 */
public final class HttpProbesUnderStrictMtlsAnalyzer implements Analyzer {

    static final String REWRITE = "sidecar.istio.io/rewriteAppHTTPProbers";

    @Override
    public String name() {
        return "skopos.HttpProbesUnderStrictMtls";
    }

    @Override
    public String description() {
        return "Finds HTTP probes that STRICT mTLS rejects because probe rewriting is turned off";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Pods.Group g : Pods.groups(snapshot)) {
            if (Pods.proxy(g.pod()).isEmpty() || !"false".equalsIgnoreCase(g.pod().annotations().get(REWRITE))) {
                continue;
            }
            for (JsonNode c : Pods.appContainers(g.pod().spec())) {
                for (String probe : List.of("liveness", "readiness", "startup")) {
                    JsonNode get = c.path(probe + "Probe").path("httpGet");
                    if (get.isMissingNode()) {
                        continue;
                    }
                    int port = probePort(get.path("port"), c);
                    MtlsModes.Effective mode = MtlsModes.forWorkload(snapshot, g.pod().namespace(), g.pod().labels(), port);
                    if (mode.strict()) {
                        reporter.report("HttpProbesUnderStrictMtls", g.subject(), g.subject().kind() + " "
                                + g.subject().fullName(), probe, c.path("name").asText(), mode.sourceName());
                    }
                }
            }
        }
    }

    /** A probe's port: a number, or the name of one of the container's ports; -1 when unresolved. */
    static int probePort(JsonNode port, JsonNode container) {
        if (port.isInt() || port.asText().matches("\\d+")) {
            return port.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        return -1;
    }
}
