package dev.skopos.source.demo.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Deployment of the demo cluster.
 *
 * @param templateAnnotations what the pod template carries (before the injector adds its own)
 * @param templateHash        the ReplicaSet's pod-template-hash, part of every pod name
 */
public record DemoWorkload(String namespace, String name, String app, String version, String serviceAccount,
                           String image, List<ContainerPort> ports, Map<String, String> templateAnnotations,
                           Sidecar sidecar, String templateHash, Duration age) {

    /** How the pod runs Envoy, if at all. */
    public enum Sidecar {
        /** No proxy: an uninjected namespace, or istiod itself. */
        NONE,
        /** istio-proxy in spec.containers. */
        CLASSIC,
        /** istio-proxy in spec.initContainers with restartPolicy Always (Kubernetes native sidecar). */
        NATIVE,
        /** A standalone gateway: istio-proxy is the only container. */
        GATEWAY
    }

    /** A named container port. */
    public record ContainerPort(String name, int port) {}

    public DemoWorkload {
        ports = List.copyOf(ports);
        templateAnnotations = Map.copyOf(templateAnnotations);
    }

    public String replicaSetName() {
        return name + "-" + templateHash;
    }

    public boolean hasProxy() {
        return sidecar != Sidecar.NONE;
    }
}
