package dev.skopos.source.demo.envoy;

import static dev.skopos.source.demo.Json.arr;
import static dev.skopos.source.demo.Json.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.demo.scenario.DemoPod;
import dev.skopos.source.demo.scenario.Mesh;
import dev.skopos.source.demo.scenario.ProxyTraits.Sync;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Envoy's small admin pages: {@code /server_info}, {@code /clusters?format=json} and a handful of
 * {@code /stats}. Counters are derived from names (stable across runs) plus the incident each
 * proxy carries, e.g. checkout's 503s towards payments-api.
 */
final class AdminPages {

    private AdminPages() {}

    static ObjectNode serverInfo(Mesh mesh, DemoPod pod) {
        String uptime = pod.proxyUptime().toSeconds() + "s";
        return obj(
                "version", BootstrapGenerator.ENVOY_SHA + "/" + BootstrapGenerator.ENVOY_VERSION + "/Clean/RELEASE/BoringSSL",
                "state", "LIVE",
                "hot_restart_version", "11.104",
                "command_line_options", obj("base_id", "0", "use_dynamic_base_id", false, "concurrency", 2,
                        "config_path", "etc/istio/proxy/envoy-rev.json", "config_yaml", "",
                        "allow_unknown_static_fields", true, "reject_unknown_dynamic_fields", false,
                        "ignore_unknown_dynamic_fields", false, "admin_address_path", "", "local_address_ip_version", "v4",
                        "log_level", "warning", "component_log_level", "misc:error",
                        "log_format", "%Y-%m-%dT%T.%fZ\t%l\tenvoy %n %g:%#\t%v\tthread=%t", "log_format_escaped", false,
                        "log_path", "", "service_cluster", "", "service_node", "", "service_zone", "",
                        "drain_strategy", "Immediate", "mode", "Serve", "disable_hot_restart", true,
                        "enable_mutex_tracing", false, "restart_epoch", 0, "cpuset_threads", false,
                        "disabled_extensions", arr(), "enable_fine_grain_logging", false,
                        "socket_path", "@envoy_domain_socket", "socket_mode", 0, "enable_core_dump", false,
                        "file_flush_interval", "10s", "drain_time", "45s", "parent_shutdown_time", "60s",
                        "stats_tag", arr()),
                "node", BootstrapGenerator.node(mesh, pod),
                "uptime_current_epoch", uptime,
                "uptime_all_epochs", uptime);
    }

    static ObjectNode clusterStatuses(Mesh mesh, DemoPod pod, List<ClusterSpec> specs) {
        List<Object> statuses = new ArrayList<>();
        for (ClusterSpec spec : specs) {
            List<Object> hosts = new ArrayList<>();
            for (EndpointGenerator.Endpoint e : EndpointGenerator.endpoints(mesh, spec)) {
                long total = traffic(pod, spec);
                long failed = failures(pod, spec, total);
                hosts.add(obj("address", obj("socket_address", obj("address", e.pod().ip(), "port_value", e.port())),
                        "stats", arr(
                                obj("name", "cx_connect_fail", "value", failed == 0 ? null : String.valueOf(failed / 4)),
                                obj("name", "cx_total", "value", total == 0 ? null : String.valueOf(total / 20 + 1)),
                                obj("name", "rq_error", "value", failed == 0 ? null : String.valueOf(failed)),
                                obj("name", "rq_success", "value", total == 0 ? null : String.valueOf(total - failed)),
                                obj("name", "rq_timeout"),
                                obj("name", "rq_total", "value", total == 0 ? null : String.valueOf(total)),
                                obj("type", "GAUGE", "name", "cx_active", "value", total == 0 ? null : "1"),
                                obj("type", "GAUGE", "name", "rq_active")),
                        "health_status", obj("eds_health_status", "HEALTHY"),
                        "weight", 1,
                        "locality", BootstrapGenerator.locality(e.pod())));
            }
            statuses.add(obj("name", spec.name(), "added_via_api", true,
                    "circuit_breakers", obj("thresholds", arr(
                            obj("max_connections", 4294967295L, "max_pending_requests", 4294967295L,
                                    "max_requests", 4294967295L, "max_retries", 4294967295L),
                            obj("priority", "HIGH", "max_connections", 1024, "max_pending_requests", 1024,
                                    "max_requests", 1024, "max_retries", 3))),
                    "observability_name", spec.name(),
                    "eds_service_name", spec.type() == ClusterSpec.Type.EDS ? spec.name() : null,
                    "host_statuses", hosts.isEmpty() ? null : arr(hosts)));
        }
        for (String name : List.of("agent", "prometheus_stats", "sds-grpc", "xds-grpc")) {
            statuses.add(obj("name", name, "observability_name", name));
        }
        return obj("cluster_statuses", statuses);
    }

    static String stats(Mesh mesh, DemoPod pod, List<ClusterSpec> specs) {
        TreeMap<String, Long> s = new TreeMap<>();
        for (ClusterSpec spec : specs) {
            if (!spec.outbound()) {
                continue;
            }
            long total = traffic(pod, spec);
            long failed = failures(pod, spec, total);
            String p = "cluster." + spec.name() + ".";
            s.put(p + "upstream_rq_total", total);
            s.put(p + "upstream_cx_total", total == 0 ? 0 : total / 20 + 1);
            s.put(p + "upstream_rq_503", failed);
            s.put(p + "upstream_cx_connect_fail", failed / 4);
            s.put(p + "membership_healthy", (long) EndpointGenerator.endpoints(mesh, spec).size());
        }
        boolean nack = pod.proxy().sync() == Sync.NACK;
        boolean stale = pod.proxy().sync() == Sync.STALE;
        s.put("cluster_manager.cds.update_attempt", 61L);
        s.put("cluster_manager.cds.update_success", stale ? 57L : 60L);
        s.put("cluster_manager.cds.update_rejected", 0L);
        s.put("cluster_manager.active_clusters", (long) specs.size() + 4);
        s.put("cluster_manager.warming_clusters", 0L);
        s.put("listener_manager.lds.update_attempt", nack ? 22L : 19L);
        s.put("listener_manager.lds.update_success", 18L);
        s.put("listener_manager.lds.update_rejected", nack ? 3L : 0L);
        s.put("listener_manager.total_listeners_active", (long) ListenerGenerator.listeners(
                new ProxyView(mesh, pod, ProxyView.Side.ENVOY)).size());
        s.put("server.live", 1L);
        s.put("server.state", 0L);
        s.put("server.uptime", pod.proxyUptime().toSeconds());
        s.put("server.total_connections", 7L);
        s.put("server.hot_restart_epoch", 0L);
        s.put("cluster.xds-grpc.upstream_cx_total", pod.restarts() > 0 && "istio-proxy".equals(pod.restartedContainer()) ? 2L : 4L);
        s.put("listener.0.0.0.0_15006.downstream_cx_total", pod.gateway() ? 0L : traffic(pod, null));
        StringBuilder out = new StringBuilder();
        s.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        return out.toString();
    }

    /** Requests this proxy sent to a cluster: a stable pseudo-random count for clusters it talks to. */
    private static long traffic(DemoPod pod, ClusterSpec spec) {
        String key = pod.name() + (spec == null ? "" : spec.name());
        if (spec != null && !talksTo(pod, spec)) {
            return 0;
        }
        return 200 + Math.floorMod(key.hashCode(), 4000);
    }

    private static boolean talksTo(DemoPod pod, ClusterSpec spec) {
        String app = pod.workload().app();
        String host = spec.service() == null ? "" : spec.service().name();
        return switch (app) {
            case "weather-frontend" -> host.equals("weather-backend");
            case "weather-backend" -> host.equals("api.openweathermap.org");
            case "productpage" -> host.equals("reviews") || host.equals("details");
            case "reviews" -> host.equals("ratings");
            case "checkout" -> host.equals("payments-api") || host.equals("ledger");
            case "istio-ingressgateway" -> host.equals("weather-frontend");
            default -> false;
        };
    }

    /** Incident 3: checkout talks plaintext to a STRICT payments-api, so most of its requests fail. */
    private static long failures(DemoPod pod, ClusterSpec spec, long total) {
        if (pod.workload().app().equals("checkout") && spec.service() != null
                && spec.service().name().equals("payments-api")) {
            return total * 9 / 10;
        }
        return 0;
    }
}
