package dev.skopos.analysis.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services a destination host can resolve to, the way istioctl's analyzers see them
 * ({@code util.InitServiceEntryHostMap} / {@code GetDestinationHost}): every ServiceEntry host and
 * every Kubernetes Service (as {@code name.ns.svc.cluster.local}), each under the namespace scope
 * that can see it ({@code *} for all).
 */
public final class MeshServices {

    /** One port of a service: number, name and protocol as written (may be ""). */
    public record Port(int number, String name, String protocol) {
    }

    /**
     * A resolvable service: its ports and, for ServiceEntries, the workload selector labels.
     *
     * @param source the ServiceEntry or Service it came from
     */
    public record Service(Resource source, List<Port> ports, Map<String, String> workloadSelector) {
    }

    private record Key(String scope, String fqdn) {
    }

    private final Map<Key, Service> byScopedHost = new LinkedHashMap<>();

    private MeshServices() {
    }

    public static MeshServices of(ResourceSnapshot snapshot) {
        MeshServices out = new MeshServices();
        for (Resource se : snapshot.list("networking.istio.io", "ServiceEntry")) {
            JsonNode spec = se.spec();
            List<Port> ports = new ArrayList<>();
            spec.path("ports").forEach(p -> ports.add(new Port(p.path("number").asInt(0), p.path("name").asText(""),
                    p.path("protocol").asText(""))));
            Service svc = new Service(se, List.copyOf(ports), Selectors.labels(spec.path("workloadSelector").path("labels")));
            String scope = ExportTo.isAll(ExportTo.of(spec)) ? ExportTo.ALL : se.namespace();
            spec.path("hosts").forEach(h -> out.byScopedHost.put(new Key(scope, Hosts.fqdn(se.namespace(), h.asText())), svc));
        }
        for (Resource s : snapshot.list("", "Service")) {
            List<Port> ports = new ArrayList<>();
            s.spec().path("ports").forEach(p -> ports.add(new Port(p.path("port").asInt(0), p.path("name").asText(""),
                    p.path("protocol").asText(""))));
            Service svc = new Service(s, List.copyOf(ports), Map.of());
            String fqdn = Hosts.fqdn(s.namespace(), s.name());
            for (String scope : annotationScopes(s.annotations().getOrDefault("networking.istio.io/exportTo", ""), s.namespace())) {
                out.byScopedHost.put(new Key(scope, fqdn), svc);
            }
        }
        return out;
    }

    // The exportTo annotation of a Service: unset means all namespaces; "." its own.
    private static List<String> annotationScopes(String annotation, String namespace) {
        if (annotation.isEmpty()) {
            return List.of(ExportTo.ALL);
        }
        List<String> out = new ArrayList<>();
        for (String ns : annotation.split(",")) {
            out.add(ns.equals(ExportTo.LOCAL) ? namespace : ns);
        }
        return out;
    }

    /**
     * The service a host resolves to from {@code sourceNamespace}, or null. The referring object's
     * own exportTo narrows which namespace-scoped entries are considered (as istioctl does); wildcard
     * ServiceEntry hosts ({@code *.example.com}) are tried last.
     */
    public Service resolve(String sourceNamespace, List<String> exportTo, String host) {
        String fqdn = Hosts.fqdn(sourceNamespace, host);
        Service s = byScopedHost.get(new Key(ExportTo.ALL, fqdn));
        if (s != null) {
            return s;
        }
        List<String> scopes = exportTo.isEmpty() ? List.of(sourceNamespace)
                : exportTo.stream().map(e -> e.equals(ExportTo.LOCAL) ? sourceNamespace : e).toList();
        for (String scope : scopes) {
            s = byScopedHost.get(new Key(scope, fqdn));
            if (s != null) {
                return s;
            }
        }
        String bare = host.startsWith("*") ? host.substring(1) : host;
        for (Map.Entry<Key, Service> e : byScopedHost.entrySet()) {
            Key k = e.getKey();
            if (!k.fqdn().startsWith("*")) {
                continue;
            }
            if (!k.scope().equals(ExportTo.ALL) && !k.scope().equals(sourceNamespace)) {
                continue;
            }
            if (bare.endsWith(k.fqdn().substring(1))) {
                return e.getValue();
            }
        }
        return null;
    }
}
