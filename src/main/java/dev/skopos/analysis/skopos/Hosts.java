package dev.skopos.analysis.skopos;

import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.Optional;

/** Host names the way Istio resolves them in VirtualServices and DestinationRules. */
final class Hosts {

    /** istiod's default --domain; the snapshot does not carry it. */
    static final String DOMAIN = "cluster.local";

    private Hosts() {
    }

    /**
     * Istio's ResolveShortnameToFQDN (pilot/pkg/model): "*" and anything containing a dot are taken as
     * written (so {@code reviews.bookinfo} is NOT expanded); a bare name gets
     * {@code .<namespace of the config>.svc.cluster.local}.
     */
    static String fqdn(String host, String configNamespace) {
        if (host.isEmpty() || host.equals("*") || host.contains(".") || host.contains(":")) {
            return host;
        }
        return host + "." + configNamespace + ".svc." + DOMAIN;
    }

    /** True when a (possibly wildcard) config host covers a concrete FQDN: {@code *.ns.svc.cluster.local}, {@code *}. */
    static boolean covers(String pattern, String fqdn) {
        if (pattern.equals(fqdn) || pattern.equals("*")) {
            return true;
        }
        return pattern.startsWith("*") && fqdn.endsWith(pattern.substring(1));
    }

    /** The FQDN of a Kubernetes Service. */
    static String of(Resource service) {
        return service.name() + "." + service.namespace() + ".svc." + DOMAIN;
    }

    /** The Service whose FQDN this is, if it is in the snapshot. */
    static Optional<Resource> service(ResourceSnapshot snapshot, String fqdn) {
        return snapshot.list("", "Service").stream().filter(s -> of(s).equals(fqdn)).findFirst();
    }

    /** A short form for messages: the FQDN minus the cluster suffix ({@code reviews.bookinfo}). */
    static String shortName(String fqdn) {
        String suffix = ".svc." + DOMAIN;
        return fqdn.endsWith(suffix) ? fqdn.substring(0, fqdn.length() - suffix.length()) : fqdn;
    }
}
