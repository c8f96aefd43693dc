package dev.skopos.source.demo.logs;

import dev.skopos.source.demo.envoy.ListenerGenerator;
import dev.skopos.source.demo.scenario.DemoPod;
import dev.skopos.source.demo.scenario.Mesh;
import dev.skopos.source.demo.scenario.MeshService;
import dev.skopos.source.demo.scenario.ProxyTraits.Sync;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.UUID;

/**
 * Log lines a container of the demo would print. istio-proxy lines are Envoy access logs in Istio's
 * default TEXT format plus the agent's and Envoy's own warnings; each proxy's lines show its
 * incident (checkout's UC/UF 503s, productpage's UH for reviews v3, the gateway's NR for
 * bookinfo.example.com, ratings' NACK warning). Deterministic per pod and line number.
 */
public final class LogLines {

    private static final DateTimeFormatter ENVOY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ACCESS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Mesh mesh;

    public LogLines(Mesh mesh) {
        this.mesh = mesh;
    }

    /** Line {@code n} of a container's log, stamped {@code at}. */
    public String line(DemoPod pod, String container, long n, Instant at) {
        Random r = new Random(pod.name().hashCode() * 31L + n);
        if (container.equals("discovery")) {
            return istiodLine(pod, n, at, r);
        }
        if (!container.equals("istio-proxy")) {
            return ENVOY_TIME.format(at) + " INFO " + container + " handled request id=" + uuid(pod, n)
                    + " status=200 duration_ms=" + (3 + r.nextInt(40));
        }
        if (pod.proxy().sync() == Sync.NACK && n % 5 == 0) {
            return envoyLine(at, "warning", "config",
                    "external/envoy/source/extensions/config_subscription/grpc/grpc_subscription_impl.cc:138",
                    "gRPC config for type.googleapis.com/envoy.config.listener.v3.Listener rejected: "
                            + ListenerGenerator.NACK_DETAILS, 21);
        }
        if (pod.proxy().warmingSecret() != null && n % 7 == 3) {
            return ENVOY_TIME.format(at) + "\twarn\tsds\tfailed to get secret " + pod.proxy().warmingSecret()
                    .replace("kubernetes://", "") + " from kubernetes: secret istio-system/bookinfo-credential not found";
        }
        if (n % 11 == 10) {
            return envoyLine(at, "warning", "envoy_bug", "external/envoy/source/common/http/conn_manager_impl.cc:1022",
                    "stream reset: reset reason: remote reset, response details: -", 23);
        }
        return accessLog(pod, n, at, r);
    }

    private String accessLog(DemoPod pod, long n, Instant at, Random r) {
        String app = pod.workload().app();
        return switch (app) {
            case "checkout" -> {
                MeshService api = mesh.service("payments-api.payments.svc.cluster.local");
                // Plaintext towards a STRICT server: the server resets (UC) or refuses (UF) the connection.
                boolean uc = n % 2 == 0;
                yield http(at, "POST", "/v1/charges", 503,
                        uc ? "UC" : "UF", uc ? "upstream_reset_before_response_started{connection_termination}"
                                : "upstream_reset_before_response_started{connection_failure}",
                        uc ? "-" : "delayed_connect_error:_Connection_reset_by_peer", "checkout/2.4", uuid(pod, n),
                        "payments-api:8080", "10.244.2.15:8080", api.clusterName(8080, null), pod, api.vip() + ":8080", "default");
            }
            case "productpage" -> {
                boolean jason = n % 4 == 1;
                yield jason
                        ? http(at, "GET", "/reviews/0", 503, "UH", "no_healthy_upstream", "-", "python-requests/2.31.0",
                        uuid(pod, n), "reviews:9080", "-", "outbound|9080|v3|reviews.bookinfo.svc.cluster.local", pod,
                        "10.96.20.13:9080", "jason-to-v3")
                        : http(at, "GET", "/reviews/0", 200, "-", "via_upstream", "-", "python-requests/2.31.0",
                        uuid(pod, n), "reviews:9080", "10.244.2.23:9080", "outbound|9080|v2|reviews.bookinfo.svc.cluster.local",
                        pod, "10.96.20.13:9080", "default");
            }
            case "istio-ingressgateway" -> n % 3 == 0
                    ? http(at, "GET", "/productpage", 404, "NR", "route_not_found", "-", "Mozilla/5.0", uuid(pod, n),
                    "bookinfo.example.com", "-", "-", pod, pod.ip() + ":8080", "-")
                    : http(at, "GET", "/", 200, "-", "via_upstream", "-", "Mozilla/5.0", uuid(pod, n), "weather.example.com",
                    "10.244.1.7:5000", "outbound|5000||weather-frontend.weather.svc.cluster.local", pod, pod.ip() + ":8080", "-");
            case "weather-frontend" -> {
                // TCP proxy: no method, path or response code; requests to either backend, round-robin.
                String backend = n % 2 == 0 ? "10.244.2.12:5000" : "10.244.3.6:5000";
                yield "[" + ACCESS_TIME.format(at) + "] \"- - -\" 0 - - - \"-\" " + (150 + r.nextInt(30)) + " "
                        + (900 + r.nextInt(200)) + " " + (200 + r.nextInt(120)) + " - \"-\" \"-\" \"-\" \"-\" \""
                        + backend + "\" outbound|5000||weather-backend.weather.svc.cluster.local " + pod.ip() + ":"
                        + (40000 + r.nextInt(20000)) + " 10.96.14.9:5000 " + pod.ip() + ":" + (40000 + r.nextInt(20000))
                        + " - -";
            }
            default -> {
                int port = mesh.servicesOf(pod).stream().findFirst().map(s -> s.ports().get(0).targetPort()).orElse(8080);
                yield http(at, "GET", "/health", 200, "-", "via_upstream", "-", "kube-probe/1.33", uuid(pod, n),
                        pod.ip() + ":" + port, "127.0.0.1:" + port, "inbound|" + port + "||", pod, pod.ip() + ":" + port, "default");
            }
        };
    }

    private static String http(Instant at, String method, String path, int code, String flags, String details,
                               String failure, String agent, String id, String authority, String upstreamHost,
                               String cluster, DemoPod pod, String downstreamLocal, String route) {
        long duration = code == 503 ? 1 : 4 + Math.floorMod(id.hashCode(), 60);
        return "[" + ACCESS_TIME.format(at) + "] \"" + method + " " + path + " HTTP/1.1\" " + code + " " + flags + " "
                + details + " - \"" + failure + "\" 0 " + (code == 200 ? 1843 : code == 404 ? 0 : 91) + " " + duration + " "
                + (code == 200 ? String.valueOf(duration - 1) : "-") + " \"-\" \"" + agent + "\" \"" + id + "\" \""
                + authority + "\" \"" + upstreamHost + "\" " + cluster + " " + (upstreamHost.equals("-") ? "-" : pod.ip() + ":"
                + (30000 + Math.floorMod(id.hashCode(), 30000))) + " " + downstreamLocal + " " + pod.ip() + ":"
                + (40000 + Math.floorMod(id.hashCode() / 7, 20000)) + " - " + route;
    }

    private static String envoyLine(Instant at, String level, String logger, String source, String message, int thread) {
        return ENVOY_TIME.format(at) + "\t" + level + "\tenvoy " + logger + " " + source + "\t" + message + "\tthread=" + thread;
    }

    private String istiodLine(DemoPod istiod, long n, Instant at, Random r) {
        var proxies = mesh.proxies().stream().filter(p -> p.proxy().istiod().equals(istiod.name())).toList();
        String t = ENVOY_TIME.format(at);
        if (proxies.isEmpty()) {
            return t + "\tinfo\tads\tXDS: Pushing Services:" + mesh.services().size() + " ConnectedEndpoints:0";
        }
        DemoPod p = proxies.get((int) (n % proxies.size()));
        if (p.proxy().sync() == Sync.NACK && n % 3 == 0) {
            return t + "\twarn\tads\tADS:LDS: ACK ERROR " + p.ref().proxyId() + "-" + (40 + n % 9) + " Internal:0 "
                    + ListenerGenerator.NACK_DETAILS;
        }
        return switch ((int) (n % 3)) {
            case 0 -> t + "\tinfo\tads\tXDS: Pushing Services:" + mesh.services().size() + " ConnectedEndpoints:"
                    + proxies.size() + " Version:" + at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "/57";
            case 1 -> t + "\tinfo\tads\tCDS: PUSH for node:" + p.ref().proxyId() + " resources:" + (30 + r.nextInt(10))
                    + " size:" + (40 + r.nextInt(20)) + ".3kB";
            default -> t + "\tinfo\tads\tEDS: PUSH INC for node:" + p.ref().proxyId() + " resources:" + (20 + r.nextInt(8))
                    + " removed:0 size:" + (3 + r.nextInt(4)) + ".1kB empty:1 cached:" + (19 + r.nextInt(5)) + "/24";
        };
    }

    private static String uuid(DemoPod pod, long n) {
        return UUID.nameUUIDFromBytes((pod.name() + n).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
