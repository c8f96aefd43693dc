package dev.skopos.source.demo.scenario;

import dev.skopos.source.PodRef;
import java.time.Duration;

/**
 * One running pod.
 *
 * @param restartedContainer the container that restarted (null: none)
 * @param lastRestartAgo     when it last restarted
 * @param crashLooping       the restarted container is in CrashLoopBackOff right now
 * @param proxy              the proxy's traits; null for pods without istio-proxy
 */
public record DemoPod(DemoWorkload workload, String suffix, String ip, String node, Duration age,
                      String restartedContainer, int restarts, Duration lastRestartAgo, boolean crashLooping,
                      ProxyTraits proxy) {

    public String name() {
        return workload.replicaSetName() + "-" + suffix;
    }

    public String namespace() {
        return workload.namespace();
    }

    public PodRef ref() {
        return new PodRef(namespace(), name());
    }

    public boolean hasProxy() {
        return proxy != null;
    }

    public boolean gateway() {
        return workload.sidecar() == DemoWorkload.Sidecar.GATEWAY;
    }

    public String spiffeId() {
        return "spiffe://cluster.local/ns/" + namespace() + "/sa/" + workload.serviceAccount();
    }

    /** Envoy's uptime: since the pod started, or since istio-proxy last restarted. */
    public Duration proxyUptime() {
        return "istio-proxy".equals(restartedContainer) ? lastRestartAgo : age;
    }

    public DemoPod restarted(String container, int count, Duration ago, boolean looping) {
        return new DemoPod(workload, suffix, ip, node, age, container, count, ago, looping, proxy);
    }
}
