package dev.skopos.source.demo.envoy;

import static dev.skopos.source.demo.Json.arr;
import static dev.skopos.source.demo.Json.obj;

import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.demo.envoy.ClusterSpec.Type;
import dev.skopos.source.demo.scenario.MergedDestinationRule;
import dev.skopos.source.demo.scenario.MeshService;
import dev.skopos.source.demo.scenario.ServicePort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Istio's CDS for one proxy: an outbound cluster per service port plus one per DestinationRule
 * subset, inbound clusters for the pod's own service ports, and the fixed Blackhole/Passthrough
 * clusters; bootstrap's static clusters come first in the dump.
 */
public final class ClusterGenerator {

    private static final String MAX = "4294967295";

    private ClusterGenerator() {}

    public static List<ClusterSpec> specs(ProxyView view) {
        List<ClusterSpec> specs = new ArrayList<>();
        specs.add(ClusterSpec.fixed("BlackHoleCluster", Type.STATIC));
        if (!view.pod().gateway()) {
            specs.add(ClusterSpec.fixed("InboundPassthroughCluster", Type.ORIGINAL_DST));
        }
        specs.add(ClusterSpec.fixed("PassthroughCluster", Type.ORIGINAL_DST));
        if (!view.pod().gateway()) {
            Set<Integer> seen = new LinkedHashSet<>();
            for (MeshService s : view.mesh().servicesOf(view.pod())) {
                for (ServicePort p : s.ports()) {
                    if (seen.add(p.targetPort())) {
                        specs.add(new ClusterSpec("inbound|" + p.targetPort() + "||", Type.ORIGINAL_DST, s,
                                p.targetPort(), null, MissingNode.getInstance(), Optional.empty()));
                    }
                }
            }
        }
        for (MeshService s : view.services()) {
            Optional<MergedDestinationRule> rule = view.mesh().destinationRule(s.host());
            for (ServicePort p : s.ports()) {
                Type type = s.external() ? Type.STRICT_DNS : Type.EDS;
                specs.add(new ClusterSpec(s.clusterName(p.port(), null), type, s, p.port(), null,
                        MissingNode.getInstance(), rule));
                rule.ifPresent(r -> r.subsets().forEach(subset -> specs.add(new ClusterSpec(
                        s.clusterName(p.port(), subset.path("name").asText()), type, s, p.port(),
                        subset.path("name").asText(), subset.path("labels"), rule))));
            }
        }
        return specs;
    }

    public static ObjectNode configDump(ProxyView view, List<ClusterSpec> specs) {
        String bootUpdated = EnvoyTime.format(view.mesh().ago(view.pod().proxyUptime()));
        List<Object> statics = new ArrayList<>();
        for (ObjectNode c : BootstrapGenerator.staticClusters()) {
            statics.add(obj("cluster", c, "last_updated", bootUpdated));
        }
        List<Object> dynamic = new ArrayList<>();
        for (ClusterSpec spec : specs) {
            dynamic.add(obj("version_info", view.version("cds"), "cluster", cluster(spec),
                    "last_updated", view.lastUpdated("cds")));
        }
        return obj("@type", "type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
                "version_info", view.version("cds"),
                "static_clusters", statics,
                "dynamic_active_clusters", dynamic);
    }

    static ObjectNode cluster(ClusterSpec spec) {
        ObjectNode c = obj("@type", "type.googleapis.com/envoy.config.cluster.v3.Cluster", "name", spec.name());
        switch (spec.type()) {
            case STATIC -> c.put("type", "STATIC").put("connect_timeout", "10s");
            case ORIGINAL_DST -> {
                c.put("type", "ORIGINAL_DST").put("connect_timeout", "10s").put("lb_policy", "CLUSTER_PROVIDED");
                c.set("circuit_breakers", circuitBreakers());
                if (!spec.name().equals("PassthroughCluster")) {
                    // Inbound traffic is re-sent from 127.0.0.6 so iptables does not loop it back.
                    c.set("upstream_bind_config", obj("source_address", obj("address", "127.0.0.6", "port_value", 0)));
                }
                if (spec.service() != null) {
                    c.set("metadata", obj("filter_metadata", obj("istio", obj("services", arr(serviceRef(spec.service()))))));
                }
            }
            case EDS, STRICT_DNS -> outbound(c, spec);
        }
        return c;
    }

    private static void outbound(ObjectNode c, ClusterSpec spec) {
        MeshService s = spec.service();
        if (spec.type() == Type.EDS) {
            c.put("type", "EDS");
            c.set("eds_cluster_config", obj("eds_config", obj("ads", obj(), "initial_fetch_timeout", "0s",
                    "resource_api_version", "V3"), "service_name", spec.name()));
        } else {
            c.put("type", "STRICT_DNS");
            c.set("load_assignment", obj("cluster_name", spec.name(), "endpoints", arr(obj("locality", obj(),
                    "lb_endpoints", arr(obj("endpoint", obj("address", obj("socket_address",
                            obj("address", s.host(), "port_value", spec.port()))), "load_balancing_weight", 1))))));
            c.put("dns_refresh_rate", "60s").put("respect_dns_ttl", true).put("dns_lookup_family", "V4_ONLY");
        }
        c.put("connect_timeout", "10s");
        String lb = spec.rule().map(r -> r.trafficPolicy().path("loadBalancer").path("simple").asText("LEAST_REQUEST"))
                .orElse("LEAST_REQUEST");
        if (!lb.equals("ROUND_ROBIN")) {
            c.put("lb_policy", lb);
        }
        c.set("circuit_breakers", circuitBreakers());
        c.set("common_lb_config", obj("locality_weighted_lb_config", obj()));
        ObjectNode istio = obj("services", arr(serviceRef(s)), "default_original_port", spec.port());
        spec.rule().ifPresent(r -> istio.put("config", r.configPath()));
        if (spec.subset() != null) {
            istio.put("subset", spec.subset());
        }
        c.set("metadata", obj("filter_metadata", obj("istio", istio)));
        if (!s.external()) {
            c.set("filters", arr(obj("name", "istio.metadata_exchange", "typed_config", obj(
                    "@type", "type.googleapis.com/envoy.tcp.metadataexchange.config.MetadataExchange",
                    "protocol", "istio-peer-exchange", "enable_discovery", true))));
            // DISABLE: no transport socket at all, plaintext even towards a STRICT server (incident 3).
            String tls = spec.rule().map(MergedDestinationRule::tlsMode).orElse("");
            switch (tls) {
                case "DISABLE" -> { }
                case "ISTIO_MUTUAL" -> c.set("transport_socket", TransportSockets.istioMutualUpstream(spec.sni()));
                default -> c.set("transport_socket_matches", TransportSockets.autoMtlsMatches(spec.sni()));
            }
        }
    }

    private static ObjectNode serviceRef(MeshService s) {
        return obj("host", s.host(), "name", s.name(), "namespace", s.namespace());
    }

    private static ObjectNode circuitBreakers() {
        return obj("thresholds", arr(obj("max_connections", Long.parseLong(MAX), "max_pending_requests",
                Long.parseLong(MAX), "max_requests", Long.parseLong(MAX), "max_retries", Long.parseLong(MAX),
                "track_remaining", true)));
    }

}
