package dev.skopos.mesh;

import dev.skopos.istiod.ProxySync;
import dev.skopos.source.PodRef;
import java.time.Instant;

/**
 * One Envoy proxy as the proxies view shows it: the pod's state joined with istiod's sync report.
 *
 * @param pod           the pod running the proxy
 * @param kind          sidecar or gateway
 * @param nativeSidecar true when istio-proxy is an init container with {@code restartPolicy: Always}
 * @param ready         ready containers over all long-running containers, e.g. {@code 2/2}
 * @param status        what {@code kubectl get pods} prints in STATUS (Running, CrashLoopBackOff, ...)
 * @param restarts      restarts of all containers, istio-proxy included
 * @param created       pod creation time
 * @param proxyVersion  istio-proxy image tag, the fallback VERSION when istiod does not say
 * @param sync          istiod's report for this proxy, null when no istiod reports it
 */
public record Proxy(PodRef pod, ProxyKind kind, boolean nativeSidecar, String ready, String status, int restarts,
                    Instant created, String proxyVersion, ProxySync sync) {

    /** True when something is wrong enough to show under the "faulty only" toggle. */
    public boolean faulty() {
        boolean podHealthy = "Running".equals(status) && allReady();
        return !podHealthy || sync == null || sync.overall().faulty();
    }

    public boolean allReady() {
        int slash = ready.indexOf('/');
        return slash > 0 && ready.substring(0, slash).equals(ready.substring(slash + 1));
    }

    /** The version istiod reports, else the image tag. */
    public String version() {
        return sync != null && sync.istioVersion() != null && !sync.istioVersion().isEmpty()
                ? sync.istioVersion() : proxyVersion;
    }
}
