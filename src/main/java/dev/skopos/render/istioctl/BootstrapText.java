package dev.skopos.render.istioctl;

import dev.skopos.envoy.config.BootstrapInfo;

/** {@code istioctl proxy-config bootstrap}: the version summary and the bootstrap dump. */
public final class BootstrapText {

    private BootstrapText() {
    }

    /** The three version lines, each left out when empty (Envoy's is never empty). */
    public static String summary(BootstrapInfo b) {
        TabWriter w = new TabWriter(1);
        if (!b.istioVersion().isEmpty()) {
            w.row("Istio Version:", b.istioVersion());
        }
        if (!b.istioProxySha().isEmpty()) {
            w.row("Istio Proxy Version:", b.istioProxySha());
        }
        if (!b.envoyVersion().isEmpty()) {
            w.row("Envoy Version:", b.envoyVersion());
        }
        return w.flush();
    }

    public static String json(BootstrapInfo b) {
        return GoJson.write(b.raw(), GoJson.Style.JSONPB);
    }
}
