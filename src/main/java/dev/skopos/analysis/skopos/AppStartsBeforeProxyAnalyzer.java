package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.ResourceSnapshot;

/**
 * Applications that may run before Envoy is ready. Safe when istio-proxy is a native sidecar (an init
 * container with restartPolicy Always starts, and passes its startup probe, before the app), or when
 * holdApplicationUntilProxyStarts is set: per pod in {@code proxy.istio.io/config}, mesh-wide in
 * {@code defaultConfig}, or visible as the injector's {@code pilot-agent wait} postStart hook.
 */
public final class AppStartsBeforeProxyAnalyzer implements Analyzer {

    static final String PROXY_CONFIG = "proxy.istio.io/config";

    @Override
    public String name() {
        return "skopos.AppStartsBeforeProxy";
    }

    @Override
    public String description() {
        return "Finds meshed pods whose application can start before the sidecar proxy is ready";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        boolean meshDefault = MeshConfigs.of(snapshot).path("defaultConfig")
                .path("holdApplicationUntilProxyStarts").asBoolean(false);
        if (meshDefault) {
            return;
        }
        for (Pods.Group g : Pods.groups(snapshot)) {
            JsonNode proxy = Pods.proxy(g.pod()).orElse(null);
            if (proxy == null || Pods.nativeSidecar(g.pod()) || Pods.appContainers(g.pod().spec()).isEmpty()
                    || held(g.pod().annotations().get(PROXY_CONFIG), proxy)) {
                continue;
            }
            reporter.report("AppStartsBeforeProxy", g.subject(), g.subject().kind() + " " + g.subject().fullName());
        }
    }

    /** Whether the pod's own proxy config, or the hook the injector adds for it, holds the app. */
    static boolean held(String proxyConfig, JsonNode proxy) {
        if (proxyConfig != null && MeshConfigs.parse(proxyConfig).path("holdApplicationUntilProxyStarts").asBoolean(false)) {
            return true;
        }
        return proxy.path("lifecycle").path("postStart").path("exec").path("command").toString().contains("wait");
    }
}
