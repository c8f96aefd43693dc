package dev.skopos.render.istioctl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.envoy.config.RouteConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code istioctl proxy-config route}: RDS and static route configs (not inline ones). */
public final class RouteTable {

    private static final int MAX_DOMAINS = 2;

    private RouteTable() {
    }

    /**
     * istioctl sorts with "both names are numbers, compare them; otherwise not less", which Go's
     * sort leaves as an insertion sort over short lists: non-numeric names keep their place.
     */
    public static List<RouteConfig> sorted(List<RouteConfig> routes) {
        List<RouteConfig> out = new ArrayList<>(routes);
        for (int i = 1; i < out.size(); i++) {
            for (int j = i; j > 0 && numericLess(out.get(j).name(), out.get(j - 1).name()); j--) {
                RouteConfig t = out.get(j);
                out.set(j, out.get(j - 1));
                out.set(j - 1, t);
            }
        }
        return out;
    }

    private static boolean numericLess(String a, String b) {
        try {
            return Integer.parseInt(a) < Integer.parseInt(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The table; {@code verbose} (the default) has one row per route, else one per route config. */
    public static String summary(List<RouteConfig> routes, String name, boolean verbose, boolean withNames) {
        TabWriter w = new TabWriter(5);
        String n = "NAME\t";
        w.line(verbose ? n + "VHOST NAME\tDOMAINS\tMATCH\tVIRTUAL SERVICE" : n + "VIRTUAL HOSTS");
        for (RouteConfig rc : sorted(routes)) {
            if (!name.isEmpty() && !name.equals(rc.name())) {
                continue;
            }
            String shown = withNames ? "route/" + rc.name() : rc.name();
            if (!verbose) {
                w.row(shown, String.valueOf(rc.virtualHosts().size()));
                continue;
            }
            for (RouteConfig.VirtualHost vh : rc.virtualHosts()) {
                for (RouteConfig.Route r : vh.routes()) {
                    boolean passthrough = r.action().kind() == RouteConfig.RouteAction.Kind.CLUSTER
                            && r.action().cluster().equals("PassthroughCluster");
                    if (!passthrough) {
                        w.row(shown, vh.name(), describeDomains(vh.domains()), describeMatch(r.match()),
                                IstioConfigPath.describe(r.configPath()));
                    }
                }
                if (vh.routes().isEmpty()) {
                    w.row(shown, vh.name(), describeDomains(vh.domains()), "/*", "404");
                }
            }
        }
        return w.flush();
    }

    public static String json(List<RouteConfig> routes, String name) {
        List<JsonNode> nodes = new ArrayList<>();
        for (RouteConfig rc : sorted(routes)) {
            if (name.isEmpty() || name.equals(rc.name())) {
                nodes.add(rc.raw());
            }
        }
        return GoJson.writeList(nodes, GoJson.Style.MARSHAL_INDENT);
    }

    /** The domains without {@code host:port} twins and {@code .svc[.cluster.local]} expansions; two, then a count. */
    static String describeDomains(List<String> domains) {
        if (domains.isEmpty()) {
            return "";
        }
        if (domains.size() == 1) {
            return domains.get(0);
        }
        List<String> withoutPort = new ArrayList<>();
        for (String d : domains) {
            long colons = d.chars().filter(c -> c == ':').count();
            if (colons == 0 || (colons > 2 && d.endsWith("]"))) {
                withoutPort.add(d); // plain hosts, and bare IPv6 addresses like [fd00::1]
            }
        }
        Set<String> unique = new HashSet<>(withoutPort);
        List<String> kept = new ArrayList<>();
        for (String h : withoutPort) {
            String full = h.endsWith(".svc.cluster.local") ? h.substring(0, h.length() - ".svc.cluster.local".length()) : h;
            String partial = h.endsWith(".svc") ? h.substring(0, h.length() - ".svc".length()) : h;
            if (!(unique.contains(full) && !full.equals(h)) && !(unique.contains(partial) && !partial.equals(h))) {
                kept.add(h);
            }
        }
        if (kept.size() > MAX_DOMAINS) {
            return String.join(", ", kept.subList(0, MAX_DOMAINS)) + " + " + (kept.size() - MAX_DOMAINS) + " more...";
        }
        return String.join(", ", kept);
    }

    static String describeMatch(RouteConfig.RouteMatch m) {
        List<String> conds = new ArrayList<>();
        if (!m.prefix().isEmpty()) {
            conds.add(m.prefix() + "*");
        }
        if (!m.pathSeparatedPrefix().isEmpty()) {
            conds.add("PathPrefix:" + m.pathSeparatedPrefix());
        }
        if (!m.path().isEmpty()) {
            conds.add(m.path());
        }
        if (!m.safeRegex().isEmpty()) {
            conds.add("regex " + m.safeRegex());
        }
        return String.join(" ", conds);
    }
}
