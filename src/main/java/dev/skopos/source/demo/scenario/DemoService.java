package dev.skopos.source.demo.scenario;

import java.time.Duration;
import java.util.List;

/** A Kubernetes Service selecting pods by their {@code app} label. */
public record DemoService(String namespace, String name, String app, String clusterIp, List<ServicePort> ports,
                          Duration age) {

    public DemoService {
        ports = List.copyOf(ports);
    }

    public String host() {
        return name + "." + namespace + ".svc.cluster.local";
    }
}
