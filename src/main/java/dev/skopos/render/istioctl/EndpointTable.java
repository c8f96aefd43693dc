package dev.skopos.render.istioctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.envoy.config.ClusterKey;
import dev.skopos.envoy.config.ClusterStatus;
import dev.skopos.envoy.config.EndpointConfig;
import dev.skopos.envoy.config.EnvoyAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code istioctl proxy-config endpoint}: from a config dump's EDS section ({@code eds}, and the
 * endpoint part of {@code all}) or from {@code /clusters?format=json} ({@code endpoint}).
 */
public final class EndpointTable {

    /** {@code --address}, {@code --port}, {@code --cluster}, {@code --status}; case-insensitive. */
    public record Filter(String address, int port, String cluster, String status) {

        public static final Filter NONE = new Filter("", 0, "", "");

        /** EDS rows: istioctl compares {@code --address} with the whole {@code ip:port}. */
        boolean matchesEds(EndpointConfig.Endpoint e) {
            return (address.isEmpty() || e.address().display().equalsIgnoreCase(address))
                    && (port == 0 || (e.address().kind() == EnvoyAddress.Kind.SOCKET && e.address().port() == port))
                    && (cluster.isEmpty() || e.clusterName().equalsIgnoreCase(cluster))
                    && (status.isEmpty() || e.healthStatus().equalsIgnoreCase(status));
        }

        /** {@code /clusters} rows: {@code --address} is the IP alone. */
        public boolean matchesHost(EndpointConfig.Endpoint e) {
            return (address.isEmpty() || e.address().address().equalsIgnoreCase(address))
                    && (port == 0 || e.address().port() == port)
                    && (cluster.isEmpty() || e.clusterName().equalsIgnoreCase(cluster))
                    && (status.isEmpty() || e.healthStatus().equalsIgnoreCase(status));
        }
    }

    private EndpointTable() {
    }

    /** The ClusterLoadAssignments with a matching endpoint, in istioctl's cluster order. */
    private static List<EndpointConfig> edsSorted(List<EndpointConfig> all, Filter filter) {
        List<EndpointConfig> out = new ArrayList<>();
        for (EndpointConfig e : all) {
            if (e.endpoints().stream().anyMatch(filter::matchesEds)) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparing((EndpointConfig e) -> fqdn(e.clusterName()))
                .thenComparing(e -> key(e.clusterName()) == null ? "" : key(e.clusterName()).subset())
                .thenComparingInt(e -> key(e.clusterName()) == null ? 0 : key(e.clusterName()).port())
                .thenComparing(e -> key(e.clusterName()) == null ? "" : key(e.clusterName()).direction()));
        return out;
    }

    public static String edsSummary(List<EndpointConfig> all, Filter filter, boolean withNames) {
        TabWriter w = new TabWriter(5);
        w.line("NAME\tSTATUS\tLOCALITY\tCLUSTER");
        for (EndpointConfig cla : edsSorted(all, filter)) {
            for (EndpointConfig.Endpoint e : cla.endpoints()) {
                if (filter.matchesEds(e)) {
                    w.row((withNames ? "endpoint/" : "") + e.address().display(), e.healthStatus(),
                            e.locality().display(), cla.clusterName());
                }
            }
        }
        return w.flush();
    }

    /** The ClusterLoadAssignments, each keeping only its matching endpoints. */
    public static String edsJson(List<EndpointConfig> all, Filter filter) {
        List<JsonNode> nodes = new ArrayList<>();
        for (EndpointConfig cla : edsSorted(all, filter)) {
            ObjectNode copy = cla.raw().deepCopy();
            int index = 0;
            JsonNode groups = copy.has("endpoints") ? copy.get("endpoints") : copy.path("endpoints");
            for (JsonNode g : groups) {
                String field = g.has("lb_endpoints") ? "lb_endpoints" : "lbEndpoints";
                ArrayNode kept = copy.arrayNode();
                for (JsonNode lb : g.path(field)) {
                    if (filter.matchesEds(cla.endpoints().get(index++))) {
                        kept.add(lb);
                    }
                }
                if (kept.isEmpty()) {
                    ((ObjectNode) g).remove(field); // proto3 JSON leaves out empty lists
                } else {
                    ((ObjectNode) g).set(field, kept);
                }
            }
            nodes.add(copy);
        }
        return GoJson.writeList(nodes, GoJson.Style.MARSHAL_INDENT);
    }

    public static String hostSummary(List<ClusterStatus> clusters, Filter filter) {
        List<EndpointConfig.Endpoint> rows = new ArrayList<>();
        for (ClusterStatus c : clusters) {
            c.hosts().stream().filter(filter::matchesHost).forEach(rows::add);
        }
        rows.sort(Comparator.comparing((EndpointConfig.Endpoint e) -> e.address().address())
                .thenComparingInt(e -> e.address().port()).thenComparing(EndpointConfig.Endpoint::clusterName));
        TabWriter w = new TabWriter(5);
        w.line("ENDPOINT\tSTATUS\tOUTLIER CHECK\tCLUSTER");
        for (EndpointConfig.Endpoint e : rows) {
            String where = e.address().kind() == EnvoyAddress.Kind.PIPE ? "unix://" + e.address().address()
                    : e.address().address() + ":" + e.address().port();
            w.row(where, e.healthStatus(), e.failedOutlierCheck() ? "FAILED" : "OK", e.clusterName());
        }
        return w.flush();
    }

    public static String hostJson(List<ClusterStatus> clusters, Filter filter) {
        List<JsonNode> nodes = new ArrayList<>();
        for (ClusterStatus c : clusters) {
            if (c.hosts().stream().anyMatch(filter::matchesHost)) {
                nodes.add(c.raw());
            }
        }
        return GoJson.writeList(nodes, GoJson.Style.MARSHAL_INDENT);
    }

    private static ClusterKey key(String name) {
        return ClusterKey.parse(name);
    }

    private static String fqdn(String name) {
        ClusterKey k = key(name);
        return k == null ? name : k.fqdn();
    }
}
