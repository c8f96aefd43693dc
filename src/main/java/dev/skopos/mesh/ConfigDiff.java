package dev.skopos.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.envoy.config.ClusterConfig;
import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.envoy.config.ListenerConfig;
import dev.skopos.envoy.config.RouteConfig;
import dev.skopos.envoy.config.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A structured diff of two proxies' Envoy configuration (or istiod's intent against what Envoy
 * runs): per kind and name, what only A has (MISSING from B), what only B has (EXTRA), and what
 * both have but differently (CHANGED, with field-level JSON paths).
 *
 * <p>Like istioctl's {@code proxy-status POD} compare, only dynamic resources are compared
 * (active CDS clusters, active LDS listeners, RDS route configurations): static ones come from the
 * bootstrap, which istiod's {@code /debug/config_dump} does not have; warming listeners are not yet
 * in use. A kind is compared only when both dumps have its section. Needs dumps parsed with raw
 * JSON ({@code ParseOptions.FULL}).
 *
 * @param labelA    what A is, e.g. {@code istiod} or a pod name
 * @param labelB    what B is, e.g. {@code Envoy}
 * @param compared  the kinds both dumps carried
 * @param resources differences ordered by kind, then name
 */
public record ConfigDiff(String labelA, String labelB, List<Kind> compared, List<ResourceDiff> resources) {

    public enum Kind {
        CLUSTER("cluster"), LISTENER("listener"), ROUTE("route");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The singular used in paths and lines. */
        public String word() {
            return word;
        }
    }

    public enum Change {
        /** In A, not in B. */
        MISSING,
        /** In B, not in A. */
        EXTRA,
        /** In both, with different fields. */
        CHANGED
    }

    /**
     * One resource that differs.
     *
     * @param fields field-level differences for CHANGED; empty for MISSING and EXTRA
     */
    public record ResourceDiff(Kind kind, String name, Change change, List<FieldChange> fields) {

        public ResourceDiff {
            fields = List.copyOf(fields);
        }
    }

    /**
     * One field that differs.
     *
     * @param path e.g. {@code cluster.circuit_breakers.thresholds[0].max_connections} or
     *             {@code route.virtual_hosts["ledger.payments.svc.cluster.local:8080"]}
     * @param a    A's value, null when A does not have the field
     * @param b    B's value, null when B does not have the field
     */
    public record FieldChange(String path, JsonNode a, JsonNode b) {
    }

    public ConfigDiff {
        compared = List.copyOf(compared);
        resources = List.copyOf(resources);
    }

    /**
     * @throws IllegalArgumentException when a compared resource has no raw JSON (a lean parse)
     */
    public static ConfigDiff compare(String labelA, ConfigDump a, String labelB, ConfigDump b) {
        List<Kind> compared = new ArrayList<>();
        List<ResourceDiff> out = new ArrayList<>();
        if (a.has(Section.CLUSTERS) && b.has(Section.CLUSTERS)) {
            compared.add(Kind.CLUSTER);
            diff(Kind.CLUSTER, clusters(a), clusters(b), out);
        }
        if (a.has(Section.LISTENERS) && b.has(Section.LISTENERS)) {
            compared.add(Kind.LISTENER);
            diff(Kind.LISTENER, listeners(a), listeners(b), out);
        }
        if (a.has(Section.ROUTES) && b.has(Section.ROUTES)) {
            compared.add(Kind.ROUTE);
            diff(Kind.ROUTE, routes(a), routes(b), out);
        }
        return new ConfigDiff(labelA, labelB, compared, out);
    }

    private static Map<String, JsonNode> clusters(ConfigDump d) {
        return byName(d.clusters().stream().filter(ClusterConfig::dynamic).toList(), ClusterConfig::name,
                ClusterConfig::raw);
    }

    private static Map<String, JsonNode> listeners(ConfigDump d) {
        return byName(d.listeners().stream().filter(l -> l.state() == ListenerConfig.State.ACTIVE).toList(),
                ListenerConfig::name, ListenerConfig::raw);
    }

    private static Map<String, JsonNode> routes(ConfigDump d) {
        return byName(d.routes().stream().filter(RouteConfig::dynamic).toList(), RouteConfig::name, RouteConfig::raw);
    }

    private static <T> Map<String, JsonNode> byName(List<T> items, Function<T, String> name, Function<T, JsonNode> raw) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (T item : items) {
            JsonNode json = raw.apply(item);
            if (json == null) {
                throw new IllegalArgumentException("config diff needs raw JSON: parse with ParseOptions.FULL");
            }
            out.put(name.apply(item), json);
        }
        return out;
    }

    private static void diff(Kind kind, Map<String, JsonNode> a, Map<String, JsonNode> b, List<ResourceDiff> out) {
        TreeMap<String, Boolean> names = new TreeMap<>();
        a.keySet().forEach(n -> names.put(n, true));
        b.keySet().forEach(n -> names.put(n, true));
        for (String name : names.keySet()) {
            JsonNode ja = a.get(name);
            JsonNode jb = b.get(name);
            if (jb == null) {
                out.add(new ResourceDiff(kind, name, Change.MISSING, List.of()));
            } else if (ja == null) {
                out.add(new ResourceDiff(kind, name, Change.EXTRA, List.of()));
            } else {
                List<FieldChange> fields = JsonDiff.diff(kind.word(), ja, jb);
                if (!fields.isEmpty()) {
                    out.add(new ResourceDiff(kind, name, Change.CHANGED, fields));
                }
            }
        }
    }

    public boolean isEmpty() {
        return resources.isEmpty();
    }

    public List<ResourceDiff> of(Kind kind) {
        return resources.stream().filter(r -> r.kind() == kind).toList();
    }

    public long count(Change change) {
        return resources.stream().filter(r -> r.change() == change).count();
    }

    /** The named resource's difference, if it differs. */
    public java.util.Optional<ResourceDiff> find(Kind kind, String name) {
        return resources.stream().filter(r -> r.kind() == kind && r.name().equals(name)).findFirst();
    }
}
