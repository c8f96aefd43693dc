package dev.skopos.mesh.explain;

/** Istio's host resolution: a name without dots is a Kubernetes service of the object's namespace. */
final class Hostnames {

    private Hostnames() {
    }

    /** {@code reviews} in {@code bookinfo} → {@code reviews.bookinfo.svc.cluster.local}; dotted names stay. */
    static String fqdn(String host, String namespace) {
        return host.contains(".") || host.contains("*") ? host : host + "." + namespace + ".svc.cluster.local";
    }
}
