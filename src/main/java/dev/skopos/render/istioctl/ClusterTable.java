package dev.skopos.render.istioctl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.envoy.config.ClusterConfig;
import dev.skopos.envoy.config.ClusterKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** {@code istioctl proxy-config cluster}: the summary table and the JSON dump. */
public final class ClusterTable {

    private static final Set<String> PROTO_TYPES = Set.of("STATIC", "STRICT_DNS", "LOGICAL_DNS", "EDS", "ORIGINAL_DST");

    /** istioctl's cluster filters: substring matches on the name, and {@code |port|}. */
    public record Filter(String fqdn, int port, String subset, String direction) {

        public static final Filter NONE = new Filter("", 0, "", "");

        public boolean matches(ClusterConfig c) {
            String name = c.name();
            return (fqdn.isEmpty() || name.contains(fqdn))
                    && (direction.isEmpty() || name.contains(direction))
                    && (subset.isEmpty() || name.contains(subset))
                    && (port == 0 || name.contains("|" + port + "|"));
        }
    }

    private ClusterTable() {
    }

    /** istioctl's order: by service name (or cluster name), then subset, port, direction. */
    public static List<ClusterConfig> sorted(List<ClusterConfig> clusters) {
        List<ClusterConfig> out = new ArrayList<>(clusters);
        out.sort(Comparator.comparing((ClusterConfig c) -> fqdn(c)).thenComparing(c -> subset(c))
                .thenComparingInt(c -> c.key() == null ? 0 : c.key().port())
                .thenComparing(c -> c.key() == null ? "" : c.key().direction()));
        return out;
    }

    /** The table; {@code withNames} adds the {@code cluster/NAME} column of {@code proxy-config all}. */
    public static String summary(List<ClusterConfig> clusters, Filter filter, boolean withNames) {
        TabWriter w = new TabWriter(5);
        w.line((withNames ? "NAME\t" : "") + "SERVICE FQDN\tPORT\tSUBSET\tDIRECTION\tTYPE\tDESTINATION RULE");
        for (ClusterConfig c : sorted(clusters)) {
            if (!filter.matches(c)) {
                continue;
            }
            List<String> row = new ArrayList<>();
            if (withNames) {
                row.add("cluster/" + c.name());
            }
            ClusterKey k = c.key();
            if (k != null) {
                row.addAll(List.of(k.fqdn(), String.valueOf(k.port()), k.subset().isEmpty() ? "-" : k.subset(),
                        k.direction()));
            } else {
                row.addAll(List.of(withNames ? "cluster/" + c.name() : c.name(), "-", "-", "-"));
            }
            row.add(type(c));
            row.add(IstioConfigPath.describe(c.destinationRule()));
            w.row(row);
        }
        return w.flush();
    }

    /** The matching clusters' JSON, as {@code -o json} prints it. */
    public static String json(List<ClusterConfig> clusters, Filter filter) {
        List<JsonNode> nodes = new ArrayList<>();
        for (ClusterConfig c : sorted(clusters)) {
            if (filter.matches(c)) {
                nodes.add(c.raw());
            }
        }
        return GoJson.writeList(nodes, GoJson.Style.MARSHAL_INDENT);
    }

    /** The proto enum istioctl prints: {@code cluster_type} extensions leave the enum at STATIC. */
    static String type(ClusterConfig c) {
        return PROTO_TYPES.contains(c.discoveryType()) ? c.discoveryType() : "STATIC";
    }

    private static String fqdn(ClusterConfig c) {
        return c.key() == null ? c.name() : c.key().fqdn();
    }

    private static String subset(ClusterConfig c) {
        return c.key() == null ? "" : c.key().subset();
    }
}
