package dev.skopos.tui;

import dev.skopos.mesh.IstiodConfigDump;
import dev.skopos.mesh.Proxy;
import dev.skopos.source.PodRef;

/** The two comparisons an incident needs: istiod vs Envoy for one proxy, and two replicas. */
final class DiffViews {

    private DiffViews() {
    }

    /** What istiod would send the proxy against what Envoy holds: is config even reaching it? */
    static void istiodVsEnvoy(Shell shell, Proxy proxy) {
        PodRef pod = proxy.pod();
        String istiod = proxy.sync() == null ? "istiod" : proxy.sync().istiod();
        shell.push(new DiffView("diff", "diff " + istiod + " → Envoy " + pod.proxyId(),
                "istiod", () -> IstiodConfigDump.of(shell.source(), pod),
                "Envoy", () -> shell.source().envoy().configDump(pod, false)));
    }

    /** Two proxies of one workload: why does only one pod fail? */
    static void replicas(Shell shell, PodRef a, PodRef b) {
        shell.push(new DiffView("compare", "compare " + label(a) + " ↔ " + label(b),
                label(a), () -> shell.source().envoy().configDump(a, false),
                label(b), () -> shell.source().envoy().configDump(b, false)));
    }

    /** The pod's name, with its cluster when several are watched (the same name may be in each). */
    private static String label(PodRef pod) {
        return pod.cluster().isEmpty() ? pod.name() : pod.cluster() + "/" + pod.name();
    }
}
