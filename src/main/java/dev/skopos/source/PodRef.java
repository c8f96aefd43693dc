package dev.skopos.source;

/** Names one pod; proxies, log streams and port-forwards are addressed by it. */
public record PodRef(String namespace, String name) implements Comparable<PodRef> {

    /** Parses istioctl's {@code POD[.NAMESPACE]} form, defaulting the namespace. */
    public static PodRef parse(String podDotNamespace, String defaultNamespace) {
        int dot = podDotNamespace.indexOf('.');
        if (dot < 0) {
            return new PodRef(defaultNamespace, podDotNamespace);
        }
        return new PodRef(podDotNamespace.substring(dot + 1), podDotNamespace.substring(0, dot));
    }

    /** The proxy id istiod uses: {@code name.namespace}. */
    public String proxyId() {
        return name + "." + namespace;
    }

    @Override
    public int compareTo(PodRef o) {
        int c = namespace.compareTo(o.namespace);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return proxyId();
    }
}
