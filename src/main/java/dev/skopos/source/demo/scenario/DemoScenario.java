package dev.skopos.source.demo.scenario;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;

import dev.skopos.source.demo.scenario.DemoWorkload.ContainerPort;
import dev.skopos.source.demo.scenario.DemoWorkload.Sidecar;
import dev.skopos.source.demo.scenario.ProxyTraits.Cert;
import dev.skopos.source.demo.scenario.ProxyTraits.Sync;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo mesh, described once: namespaces, services, deployments, pods and which pod carries
 * which incident of PRODUCT.md. Istio objects live in {@code istio-config.yaml}; everything else
 * (pod JSON, Envoy config dumps, syncz, certificates, logs) is derived from this by generators.
 *
 * <p>The story behind the numbers: istiod-...-p8mzt restarted 25 minutes ago, so only proxies that
 * (re)connected since then are on it (ratings, whose istio-proxy was OOM-killed 18 minutes ago, the
 * 4-minute-old ledger and the 20-minute-old second reviews-v2 replica); the other eleven stay
 * on istiod-...-kx2vq: unbalanced.
 */
public record DemoScenario(String istioVersion, List<DemoNamespace> namespaces, List<DemoService> services,
                           List<DemoPod> pods, String istioConfigResource) {

    public static final String ISTIOD_A = "istiod-7f9c6b8d5-kx2vq";
    public static final String ISTIOD_B = "istiod-7f9c6b8d5-p8mzt";

    private static final Map<String, String> INJECT = Map.of("istio-injection", "enabled");
    private static final Map<String, String> SCRAPE_9090 =
            Map.of("prometheus.io/scrape", "true", "prometheus.io/port", "9090", "prometheus.io/path", "/metrics");

    public DemoScenario {
        namespaces = List.copyOf(namespaces);
        services = List.copyOf(services);
        pods = List.copyOf(pods);
    }

    public static DemoScenario standard() {
        List<DemoNamespace> namespaces = List.of(
                new DemoNamespace("istio-system", Map.of("kubernetes.io/metadata.name", "istio-system"), ofDays(40)),
                new DemoNamespace("weather", INJECT, ofDays(40)),
                new DemoNamespace("bookinfo", INJECT, ofDays(20)),
                new DemoNamespace("payments", Map.of("istio.io/rev", "default"), ofDays(9)),
                // Incident 5: nobody labelled it, so its pods run without a sidecar.
                new DemoNamespace("legacy", Map.of(), ofDays(60)));

        List<DemoService> services = List.of(
                svc("istio-system", "istiod", "istiod", "10.96.0.20", ofDays(40),
                        port("grpc-xds", 15010), port("https-dns", 15012), new ServicePort("https-webhook", 443, 15017),
                        port("http-monitoring", 15014)),
                svc("istio-system", "istio-ingressgateway", "istio-ingressgateway", "10.96.0.30", ofDays(40),
                        port("status-port", 15021), new ServicePort("http2", 80, 8080), new ServicePort("https", 443, 8443)),
                svc("weather", "weather-frontend", "weather-frontend", "10.96.14.2", ofDays(40), port("http", 5000)),
                // Incident 1: named `backend`, not `http-backend`.
                svc("weather", "weather-backend", "weather-backend", "10.96.14.9", ofDays(40), port("backend", 5000)),
                svc("bookinfo", "productpage", "productpage", "10.96.20.11", ofDays(20), port("http", 9080)),
                svc("bookinfo", "details", "details", "10.96.20.12", ofDays(20), port("http", 9080)),
                svc("bookinfo", "reviews", "reviews", "10.96.20.13", ofDays(20), port("http", 9080)),
                svc("bookinfo", "ratings", "ratings", "10.96.20.14", ofDays(20), port("http", 9080)),
                svc("payments", "payments-api", "payments-api", "10.96.31.5", ofDays(9), port("http", 8080)),
                // The newest service: the STALE proxy (details-v1) never acknowledged the push that added it.
                svc("payments", "ledger", "ledger", "10.96.31.8", ofMinutes(4), port("http", 8080)));

        DemoWorkload istiod = new DemoWorkload("istio-system", "istiod", "istiod", null, "istiod",
                "docker.io/istio/pilot:1.27.3", List.of(new ContainerPort("", 8080), new ContainerPort("", 15010),
                new ContainerPort("", 15017)), Map.of(), Sidecar.NONE, "7f9c6b8d5", ofDays(6));
        DemoWorkload ingress = new DemoWorkload("istio-system", "istio-ingressgateway", "istio-ingressgateway", null,
                "istio-ingressgateway-service-account", "docker.io/istio/proxyv2:1.27.3",
                List.of(new ContainerPort("http2", 8080), new ContainerPort("https", 8443)),
                Map.of(), Sidecar.GATEWAY, "6b7d9c8f4", ofDays(6));
        DemoWorkload frontend = app("weather", "weather-frontend", "weather-frontend", "v1", 5000,
                Map.of(), Sidecar.CLASSIC, "6d8f9c7b5", ofDays(3));
        // Incident 4: both backends serve /metrics on 9090 but their pod template has no prometheus.io annotations.
        DemoWorkload single = new DemoWorkload("weather", "weather-backend-single", "weather-backend", "single",
                "weather-backend", "docker.io/vadimeisenbergibm/weather-backend:2.0.0",
                List.of(new ContainerPort("http", 5000), new ContainerPort("http-metrics", 9090)),
                Map.of(), Sidecar.CLASSIC, "865c7779c9", ofDays(40));
        DemoWorkload multiple = new DemoWorkload("weather", "weather-backend-multiple", "weather-backend", "multiple",
                "weather-backend", "docker.io/vadimeisenbergibm/weather-backend:2.0.0",
                List.of(new ContainerPort("http", 5000), new ContainerPort("http-metrics", 9090)),
                Map.of(), Sidecar.CLASSIC, "7bb94f788c", ofDays(3));
        DemoWorkload respy = new DemoWorkload("weather", "respy", "respy", "v1", "default",
                "docker.io/mtinside/respy:0.3", List.of(), Map.of(), Sidecar.CLASSIC, "5f8d7c6b9", ofHours(2));
        DemoWorkload productpage = bookinfo("productpage", "v1", Sidecar.CLASSIC, "7f9d8c6b5", ofDays(5));
        DemoWorkload details = bookinfo("details", "v1", Sidecar.CLASSIC, "65b9d8c7f", ofDays(5));
        DemoWorkload reviewsV1 = bookinfo("reviews", "v1", Sidecar.CLASSIC, "5d8f7c9b4", ofDays(5));
        DemoWorkload reviewsV2 = bookinfo("reviews", "v2", Sidecar.NATIVE, "6c9d8b7f5", ofDays(2));
        DemoWorkload ratings = bookinfo("ratings", "v1", Sidecar.CLASSIC, "7b6d9f8c4", ofDays(5));
        // The contrast for incident 4: payments-api's template does carry the scrape annotations.
        DemoWorkload paymentsApi = new DemoWorkload("payments", "payments-api", "payments-api", "v3", "payments-api",
                "ghcr.io/skopos-demo/payments-api:3.4.1",
                List.of(new ContainerPort("http", 8080), new ContainerPort("http-metrics", 9090)),
                SCRAPE_9090, Sidecar.CLASSIC, "5c7d9f8b6", ofDays(9));
        DemoWorkload checkout = app("payments", "checkout", "checkout", "v2", 8080,
                Map.of(), Sidecar.CLASSIC, "7d6f8c9b5", ofDays(9));
        DemoWorkload ledger = app("payments", "ledger", "ledger", "v1", 8080,
                Map.of(), Sidecar.NATIVE, "6f7b8d9c5", ofMinutes(4));
        DemoWorkload batch = new DemoWorkload("legacy", "legacy-batch", "legacy-batch", "v1", "default",
                "registry.example.com/legacy/batch:1.9", List.of(new ContainerPort("http", 8080)), Map.of(),
                Sidecar.NONE, "7c8d9f6b4", ofDays(60));

        List<DemoPod> pods = List.of(
                pod(istiod, "kx2vq", "10.244.1.4", 1, ofDays(6), null),
                pod(istiod, "p8mzt", "10.244.3.9", 3, ofMinutes(25), null),
                pod(ingress, "w7xkq", "10.244.2.5", 2, ofDays(6), onA(ofHours(3))
                        .withWarmingSecret("kubernetes://bookinfo-credential")),
                pod(frontend, "x2k9p", "10.244.1.7", 1, ofDays(3), onA(ofHours(5)).withLoggers(Map.of("http", "debug"))),
                pod(single, "lq9kh", "10.244.2.12", 2, ofDays(40), onA(ofHours(9)).withCert(Cert.PREVIOUS_ROOT, ofHours(9))),
                pod(multiple, "zthzz", "10.244.3.6", 3, ofDays(3), onA(ofHours(2))),
                pod(respy, "vb7tn", "10.244.1.15", 1, ofHours(2), onA(ofHours(2)))
                        .restarted("respy", 12, ofMinutes(3), true),
                pod(productpage, "4xk2m", "10.244.2.21", 2, ofDays(5), onA(ofHours(11))),
                pod(details, "8jq2n", "10.244.1.22", 1, ofDays(5), onA(ofHours(7)).withSync(Sync.STALE, ofMinutes(7))),
                pod(reviewsV1, "tm4vx", "10.244.3.17", 3, ofDays(5), onA(ofHours(4))),
                pod(reviewsV2, "h2lqw", "10.244.2.23", 2, ofDays(2), onA(ofHours(1))),
                // Two replicas of one workload with different Envoy configs: the HPA added this one
                // 20 minutes ago; it connected to the restarted p8mzt and never acknowledged the
                // CDS/RDS push that added ledger, so it lacks what its sibling h2lqw has.
                pod(reviewsV2, "r9fjd", "10.244.3.25", 3, ofMinutes(20),
                        ProxyTraits.healthy(ISTIOD_B, ofMinutes(20)).withSync(Sync.STALE, ofMinutes(6))),
                pod(ratings, "zr5nk", "10.244.1.24", 1, ofDays(5),
                        ProxyTraits.healthy(ISTIOD_B, ofMinutes(18)).withSync(Sync.NACK, ofMinutes(18)))
                        .restarted("istio-proxy", 3, ofMinutes(18), false),
                pod(paymentsApi, "q4wzn", "10.244.2.15", 2, ofDays(9), onA(ofHours(6))),
                pod(checkout, "mk3xp", "10.244.2.14", 2, ofDays(9),
                        onA(ofHours(23)).withCert(Cert.ROTATION_OVERDUE, ofHours(23).plusMinutes(10))),
                pod(ledger, "t8rzl", "10.244.3.20", 3, ofMinutes(4), ProxyTraits.healthy(ISTIOD_B, ofMinutes(4))),
                pod(batch, "n2xjw", "10.244.1.30", 1, ofDays(60), null));

        return new DemoScenario("1.27.3", namespaces, services, pods, "/dev/skopos/source/demo/istio-config.yaml");
    }

    private static ProxyTraits onA(Duration certIssuedAgo) {
        return ProxyTraits.healthy(ISTIOD_A, certIssuedAgo);
    }

    private static DemoPod pod(DemoWorkload w, String suffix, String ip, int node, Duration age, ProxyTraits proxy) {
        return new DemoPod(w, suffix, ip, "demo-node-" + node, age, null, 0, null, false, proxy);
    }

    private static DemoService svc(String ns, String name, String app, String ip, Duration age, ServicePort... ports) {
        return new DemoService(ns, name, app, ip, List.of(ports), age);
    }

    private static ServicePort port(String name, int port) {
        return new ServicePort(name, port, port);
    }

    private static DemoWorkload bookinfo(String app, String version, Sidecar sidecar, String hash, Duration age) {
        return new DemoWorkload("bookinfo", app + "-" + version, app, version, "bookinfo-" + app,
                "docker.io/istio/examples-bookinfo-" + app + "-" + version + ":1.20.3",
                List.of(new ContainerPort("http", 9080)), Map.of(), sidecar, hash, age);
    }

    private static DemoWorkload app(String ns, String name, String app, String version, int port,
                                    Map<String, String> annotations, Sidecar sidecar, String hash, Duration age) {
        return new DemoWorkload(ns, name, app, version, name, "ghcr.io/skopos-demo/" + name + ":" + version,
                List.of(new ContainerPort("http", port)), annotations, sidecar, hash, age);
    }
}
