package dev.skopos.analysis.networking;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Istio's host-name rules as the analyzers apply them: wildcard matching ({@code *.example.com}),
 * short names made fully qualified against a namespace, {@code ns/host} forms on Gateway servers,
 * and the {@code ns/name} references VirtualServices use for gateways. Mirrors istio's
 * {@code pkg/config/host} and the analyzers' {@code util/hosts.go}.
 */
public final class Hosts {

    /** The cluster domain istioctl assumes offline ({@code svc.cluster.local}). */
    public static final String CLUSTER_LOCAL = "svc.cluster.local";

    private static final Pattern FQDN = Pattern.compile("^(.+)\\.(.+)\\.svc\\.cluster\\.local$");

    private Hosts() {
    }

    public static boolean isWildcard(String host) {
        return !host.isEmpty() && host.charAt(0) == '*';
    }

    /**
     * Whether two hosts overlap: either may be a wildcard, and a wildcard matches any host ending
     * with its suffix (so {@code *} matches everything). Symmetric.
     */
    public static boolean matches(String a, String b) {
        boolean aWild = isWildcard(a);
        boolean bWild = isWildcard(b);
        if (aWild && bWild) {
            return a.length() < b.length() ? b.substring(1).endsWith(a.substring(1)) : a.substring(1).endsWith(b.substring(1));
        }
        if (aWild) {
            return b.endsWith(a.substring(1));
        }
        if (bWild) {
            return a.endsWith(b.substring(1));
        }
        return a.equals(b);
    }

    /** Whether every host {@code a} names is also named by {@code b} (istio's host.Name.SubsetOf). */
    public static boolean subsetOf(String a, String b) {
        if (isWildcard(a)) {
            return isWildcard(b) && a.substring(1).endsWith(b.substring(1));
        }
        return isWildcard(b) ? a.endsWith(b.substring(1)) : a.equals(b);
    }

    /**
     * A host made fully qualified: a short name (no dot, not a wildcard) becomes
     * {@code name.namespace.svc.cluster.local}; anything else is returned unchanged.
     */
    public static String fqdn(String namespace, String host) {
        if (host.startsWith("*") || host.contains(".")) {
            return host;
        }
        return host + "." + namespace + "." + CLUSTER_LOCAL;
    }

    /**
     * The Service a host refers to, as {@code namespace/name}: parsed from a cluster-local FQDN,
     * else the host taken as a short name in {@code defaultNamespace}. (Like istio, a host such as
     * {@code a.b} stays a "short name" {@code default/a.b}; it simply finds nothing.)
     */
    public static String serviceName(String defaultNamespace, String host) {
        Matcher m = FQDN.matcher(host);
        if (m.matches()) {
            return m.group(2) + "/" + m.group(1);
        }
        return defaultNamespace + "/" + host;
    }

    /**
     * Hosts of a Gateway server as seen from {@code namespace}: {@code ns/host} entries for other
     * namespaces are dropped, the {@code ns/} or {@code * /} prefix of the rest is stripped.
     */
    public static List<String> forNamespace(List<String> hosts, String namespace) {
        List<String> out = new ArrayList<>();
        for (String h : hosts) {
            int slash = h.indexOf('/');
            if (slash >= 0) {
                String ns = h.substring(0, slash);
                if (!ns.equals(namespace) && !ns.equals("*")) {
                    continue;
                }
                h = rest(h, slash);
            }
            out.add(h);
        }
        return out;
    }

    /** A {@code ns/name} reference, or a bare name in {@code namespace}, as {@code ns/name}. */
    public static String shortOrFullName(String namespace, String ref) {
        return ref.contains("/") ? ref : namespace + "/" + ref;
    }

    // Go's strings.Split(h, "/")[1]: the text between the first and a second slash.
    private static String rest(String h, int slash) {
        int next = h.indexOf('/', slash + 1);
        return next < 0 ? h.substring(slash + 1) : h.substring(slash + 1, next);
    }
}
