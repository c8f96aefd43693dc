package dev.skopos.mesh.explain;

import dev.skopos.analysis.networking.Hosts;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.mesh.Proxy;
import dev.skopos.source.PodRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A DestinationRule read back from Envoy: do the clients' clusters name it (or another rule that
 * won), and do they speak TLS where the servers' inbound listeners demand it (DISABLE vs STRICT).
 */
final class DestinationRuleExplainer {

    private final ResourceSnapshot snapshot;
    private final List<Proxy> proxies;
    private final Function<PodRef, CompletableFuture<ConfigDump>> dumps;

    DestinationRuleExplainer(ResourceSnapshot snapshot, List<Proxy> proxies,
                             Function<PodRef, CompletableFuture<ConfigDump>> dumps) {
        this.snapshot = snapshot;
        this.proxies = proxies;
        this.dumps = dumps;
    }

    CompletableFuture<Explanation> explain(Resource dr) {
        Explainer base = new Explainer(snapshot, proxies, dumps);
        String host = Hosts.fqdn(dr.namespace(), dr.spec().path("host").asText());
        String me = dr.namespace() + "/" + dr.name();
        List<Proxy> clients = base.clients(dr.namespace(), host);
        List<CompletableFuture<List<Evidence>>> parts = new ArrayList<>();
        for (Proxy c : clients) {
            parts.add(dumps.apply(c.pod()).thenApply(d -> ClusterEvidence.clientClusters(c.pod(), d, host, me)));
        }
        Resource service = base.serviceOf(host);
        Proxy server = service == null ? null : serverOf(service);
        int targetPort = service == null ? 0 : service.spec().path("ports").path(0).path("targetPort").asInt(
                service.spec().path("ports").path(0).path("port").asInt());
        if (server != null) {
            parts.add(dumps.apply(server.pod()).thenApply(d -> List.of(ClusterEvidence.serverInbound(server.pod(), d, targetPort))));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Evidence> evidence = new ArrayList<>();
            parts.forEach(p -> evidence.addAll(p.join()));
            return new Explanation(conclusion(me, evidence), evidence);
        });
    }

    private static String conclusion(String me, List<Evidence> evidence) {
        String other = evidence.stream().filter(e -> e.path().endsWith("istio.config") && e.supports())
                .map(Evidence::value).findFirst().orElse(null);
        boolean plaintext = evidence.stream().anyMatch(e -> e.path().endsWith("transport_socket") && e.supports());
        boolean strict = evidence.stream().anyMatch(e -> e.path().startsWith("listeners[virtualInbound]") && e.supports());
        List<String> parts = new ArrayList<>();
        if (other != null) {
            parts.add("Envoy applied DestinationRule " + other + ", not " + me + ": this rule's settings are lost");
        } else if (evidence.stream().anyMatch(e -> e.path().endsWith("istio.config"))) {
            parts.add("Envoy's clusters name " + me + " as the rule applied");
        }
        evidence.stream().filter(e -> e.path().startsWith("endpoints[") && e.supports()).findFirst().ifPresent(e ->
                parts.add("cluster " + e.path().substring("endpoints[".length(), e.path().length() - 1)
                        + " has no endpoints on " + e.source() + ": traffic routed to that subset gets 503"));
        if (plaintext && strict) {
            parts.add("clients send plaintext (no TLS transport socket) to a server that only accepts mTLS:"
                    + " expect 503 with UC/UF in the client's access log");
        } else if (plaintext) {
            parts.add("clients send plaintext to this host");
        }
        return parts.isEmpty() ? "no client proxy holds clusters for this host" : String.join("; ", parts);
    }

    private Proxy serverOf(Resource service) {
        Map<String, String> selector = Explainer.selector(service);
        if (selector.isEmpty()) {
            return null;
        }
        for (Resource pod : snapshot.list("", "Pod")) {
            if (pod.namespace().equals(service.namespace()) && dev.skopos.analysis.networking.Selectors.matches(selector, pod.labels())) {
                for (Proxy p : proxies) {
                    if (p.pod().name().equals(pod.name()) && p.pod().namespace().equals(pod.namespace())) {
                        return p;
                    }
                }
            }
        }
        return null;
    }
}
