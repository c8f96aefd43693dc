package dev.skopos.source;

/**
 * Names one pod; proxies, log streams and port-forwards are addressed by it. {@code cluster} is the
 * kube context the pod lives in when several clusters are watched at once, and empty when there is
 * only one: a source of one cluster never has to know it has a name.
 */
public record PodRef(String cluster, String namespace, String name) implements Comparable<PodRef> {

    public PodRef {
        cluster = cluster == null ? "" : cluster;
    }

    /** A pod of the only cluster. */
    public PodRef(String namespace, String name) {
        this("", namespace, name);
    }

    /** Parses istioctl's {@code POD[.NAMESPACE]} form, defaulting the namespace. */
    public static PodRef parse(String podDotNamespace, String defaultNamespace) {
        int dot = podDotNamespace.indexOf('.');
        if (dot < 0) {
            return new PodRef(defaultNamespace, podDotNamespace);
        }
        return new PodRef(podDotNamespace.substring(dot + 1), podDotNamespace.substring(0, dot));
    }

    /** The same pod addressed in {@code cluster} (empty: the only cluster). */
    public PodRef inCluster(String cluster) {
        return new PodRef(cluster, namespace, name);
    }

    /** The proxy id istiod uses: {@code name.namespace}, whatever the cluster. */
    public String proxyId() {
        return name + "." + namespace;
    }

    /** Cluster, then namespace, then name: rows of one cluster stay together. */
    @Override
    public int compareTo(PodRef o) {
        int c = cluster.compareTo(o.cluster);
        if (c != 0) {
            return c;
        }
        c = namespace.compareTo(o.namespace);
        return c != 0 ? c : name.compareTo(o.name);
    }

    /** {@code name.namespace}, prefixed {@code cluster/} when the pod names its cluster. */
    @Override
    public String toString() {
        return cluster.isEmpty() ? proxyId() : cluster + "/" + proxyId();
    }
}
