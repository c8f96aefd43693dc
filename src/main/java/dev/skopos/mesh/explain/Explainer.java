package dev.skopos.mesh.explain;

import dev.skopos.analysis.networking.Hosts;
import dev.skopos.analysis.networking.Selectors;
import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Diagnostic;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.mesh.Proxy;
import dev.skopos.mesh.ProxyKind;
import dev.skopos.source.PodRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Proves a finding from Envoy's own configuration: which proxies to ask, what to read in their
 * dumps, and what it means. A VirtualService (or the Service it routes to) is checked on clients
 * for weighted HTTP routes vs a TCP proxy; a DestinationRule for the DR its clusters name and for
 * the TLS its clients speak against what the servers accept.
 */
public final class Explainer {

    /** How many client proxies to pull: enough to show the pattern, few enough to stay quick. */
    static final int CLIENTS = 3;

    private final ResourceSnapshot snapshot;
    private final List<Proxy> proxies;
    private final Function<PodRef, CompletableFuture<ConfigDump>> dumps;

    public Explainer(ResourceSnapshot snapshot, List<Proxy> proxies,
                     Function<PodRef, CompletableFuture<ConfigDump>> dumps) {
        this.snapshot = snapshot;
        this.proxies = List.copyOf(proxies);
        this.dumps = dumps;
    }

    public CompletableFuture<Explanation> explain(Diagnostic d) {
        Resource r = d.resource();
        if (r == null) {
            return CompletableFuture.completedFuture(Explanation.none("a mesh-wide finding: no one proxy to read"));
        }
        if (r.is("networking.istio.io", "VirtualService")) {
            return hasGateways(r) ? new GatewayRouteExplainer(proxies, dumps).explain(r) : virtualService(r);
        }
        if (r.is("", "Service")) {
            return snapshot.list("networking.istio.io", "VirtualService").stream()
                    .filter(vs -> routesTo(vs, Hosts.fqdn(r.namespace(), r.name())))
                    .findFirst().map(this::virtualService)
                    .orElseGet(() -> CompletableFuture.completedFuture(Explanation.none(
                            "no VirtualService routes to this Service, so its port protocol changes no routing")));
        }
        if (r.is("", "Pod")) {
            return CompletableFuture.completedFuture(pod(r));
        }
        if (r.is("apps", "Deployment") || r.is("apps", "StatefulSet") || r.is("apps", "DaemonSet")) {
            return CompletableFuture.completedFuture(template(r));
        }
        if (r.is("networking.istio.io", "DestinationRule")) {
            return new DestinationRuleExplainer(snapshot, proxies, dumps).explain(r);
        }
        return CompletableFuture.completedFuture(Explanation.none("skopos has no Envoy evidence for " + r.kind()
                + " findings yet"));
    }

    /**
     * Workload findings (metrics not scraped, start order, probes) are about the pod template, not
     * Envoy: show what the template says, annotations and ports, so the cause is visible in place.
     */
    private static Explanation template(Resource r) {
        JsonNode template = r.spec().path("template");
        List<Evidence> evidence = new ArrayList<>();
        JsonNode annotations = template.path("metadata").path("annotations");
        for (String key : List.of("prometheus.io/scrape", "prometheus.io/port", "prometheus.io/path",
                "proxy.istio.io/config", "sidecar.istio.io/rewriteAppHTTPProbers", "sidecar.istio.io/inject")) {
            evidence.add(new Evidence(r.kind() + " " + r.fullName(), "spec.template.metadata.annotations[" + key + "]",
                    annotations.has(key) ? annotations.get(key).asText() : "absent", !annotations.has(key)
                    && key.startsWith("prometheus.io/")));
        }
        for (JsonNode c : template.path("spec").path("containers")) {
            for (JsonNode port : c.path("ports")) {
                evidence.add(new Evidence(r.kind() + " " + r.fullName(), "spec.template.spec.containers["
                        + c.path("name").asText() + "].ports[" + port.path("containerPort").asText() + "]",
                        port.path("name").asText("(unnamed)"), false));
            }
        }
        return new Explanation("read from the pod template (this finding is about the workload, not Envoy's"
                + " config)", evidence);
    }

    /** A proxy's own runtime finding: what its istiod reports per xDS type. */
    private Explanation pod(Resource r) {
        Proxy proxy = proxies.stream().filter(p -> p.pod().name().equals(r.name())
                && p.pod().namespace().equals(r.namespace())).findFirst().orElse(null);
        if (proxy == null || proxy.sync() == null) {
            return Explanation.none("no istiod reports this proxy");
        }
        List<Evidence> evidence = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (var t : proxy.sync().types()) {
            String value = t.state().label() + (t.lastUpdated() == null ? "" : ", last acknowledged " + t.lastUpdated())
                    + (t.errorDetails() == null ? "" : ", error: " + t.errorDetails().replaceAll("\\s*\\R\\s*", " "));
            evidence.add(new Evidence(proxy.sync().istiod(), "syncz[" + proxy.pod().proxyId() + "]." + t.shortName(),
                    value, t.state().faulty()));
            if (t.state().faulty()) {
                bad.add(t.shortName() + " " + t.state().label());
            }
        }
        return new Explanation(bad.isEmpty() ? proxy.sync().istiod() + " reports every type in sync"
                : proxy.sync().istiod() + " reports " + String.join(", ", bad) + " for " + proxy.pod().proxyId()
                + ": it runs on configuration older than istiod's (d diffs the two)", evidence);
    }

    /** Bound to gateways other than the sidecars' implicit {@code mesh}. */
    private static boolean hasGateways(Resource vs) {
        for (JsonNode g : vs.spec().path("gateways")) {
            if (!g.asText().equals("mesh")) {
                return true;
            }
        }
        return false;
    }

    private static boolean routesTo(Resource vs, String fqdn) {
        for (JsonNode http : vs.spec().path("http")) {
            for (JsonNode dest : http.path("route")) {
                if (Hosts.fqdn(vs.namespace(), dest.path("destination").path("host").asText()).equals(fqdn)) {
                    return true;
                }
            }
        }
        return false;
    }

    private CompletableFuture<Explanation> virtualService(Resource vs) {
        Set<String> hosts = new LinkedHashSet<>();
        for (JsonNode http : vs.spec().path("http")) {
            for (JsonNode dest : http.path("route")) {
                hosts.add(Hosts.fqdn(vs.namespace(), dest.path("destination").path("host").asText()));
            }
        }
        if (hosts.isEmpty()) {
            return CompletableFuture.completedFuture(Explanation.none("the VirtualService has no HTTP routes to check"));
        }
        String host = hosts.iterator().next();
        Resource service = serviceOf(host);
        int port = service == null ? 0 : service.spec().path("ports").path(0).path("port").asInt(0);
        List<Proxy> clients = clients(vs.namespace(), host);
        List<CompletableFuture<RouteEvidence.ClientView>> views = new ArrayList<>();
        for (Proxy c : clients) {
            views.add(dumps.apply(c.pod()).thenApply(dump -> RouteEvidence.of(c.pod(), dump, host, port)));
        }
        return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Evidence> evidence = new ArrayList<>();
            boolean tcp = false;
            boolean weighted = true;
            for (CompletableFuture<RouteEvidence.ClientView> v : views) {
                evidence.addAll(v.join().evidence());
                tcp |= v.join().tcpProxy();
                weighted &= v.join().weightedRoute();
            }
            if (service != null) {
                evidence.add(RouteEvidence.servicePort(service.body(), port, "Service " + service.fullName()));
            }
            boolean invisible = false;
            for (int i = 0; i < views.size(); i++) {
                RouteEvidence.ClientView v = views.get(i).join();
                if (!v.weightedRoute() && !v.tcpProxy()) {
                    List<Evidence> scope = ScopeEvidence.of(snapshot, clients.get(i).pod().namespace(), vs, service, host);
                    evidence.addAll(scope);
                    invisible |= scope.stream().anyMatch(Evidence::supports);
                }
            }
            String who = clients.isEmpty() ? "no client proxy" : clients.get(0).pod().proxyId();
            String conclusion = clients.isEmpty() ? "no sidecar proxy to check against"
                    : invisible ? "the clients checked do not see " + host + " at all: a Sidecar's egress hosts or"
                    + " an exportTo keeps it (or the VirtualService) out of their configuration"
                    : tcp && !weighted ? "Envoy on " + who + " sends " + host + ":" + port + " through a TCP proxy, so the"
                    + " HTTP routes of VirtualService " + vs.fullName() + " (its weights) never apply: Istio treats"
                    + " the Service port as TCP."
                    : weighted ? "the clients checked route " + host + " with the VirtualService's weighted clusters"
                    : "no client checked has an HTTP route for " + host + " from this VirtualService";
            return new Explanation(conclusion, evidence);
        });
    }

    Resource serviceOf(String fqdn) {
        for (Resource s : snapshot.list("", "Service")) {
            if (Hosts.fqdn(s.namespace(), s.name()).equals(fqdn)) {
                return s;
            }
        }
        return null;
    }

    /** Sidecars likely to call the host: same namespace first, never the host's own pods. */
    List<Proxy> clients(String namespace, String host) {
        String service = host.split("\\.")[0];
        return proxies.stream()
                .filter(p -> p.kind() == ProxyKind.SIDECAR && !p.pod().name().startsWith(service + "-"))
                .sorted(Comparator.comparing((Proxy p) -> !p.pod().namespace().equals(namespace))
                        .thenComparing(Proxy::pod))
                .limit(CLIENTS)
                .toList();
    }

    static Map<String, String> selector(Resource service) {
        return Selectors.labels(service.spec().path("selector"));
    }
}
