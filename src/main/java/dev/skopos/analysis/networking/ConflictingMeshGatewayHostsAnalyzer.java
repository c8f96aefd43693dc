package dev.skopos.analysis.networking;

import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * istioctl's {@code virtualservice.ConflictingMeshGatewayHostsAnalyzer}: two VirtualServices bound
 * to the mesh gateway (no gateways, or "mesh") that define the same host for the same audience
 * make routing undefined. A host is keyed by who can see it ({@code *} or a namespace, from
 * exportTo) and its FQDN; a namespace-scoped host also collides with hosts exported to all that
 * match it (wildcards included). Each VirtualService is reported once.
 */
final class ConflictingMeshGatewayHostsAnalyzer implements Analyzer {

    private record ScopedHost(String scope, String fqdn) {
        @Override
        public String toString() {
            return scope + "/" + fqdn;
        }
    }

    @Override
    public String name() {
        return "virtualservice.ConflictingMeshGatewayHostsAnalyzer";
    }

    @Override
    public String description() {
        return "Checks if multiple virtual services associated with the mesh gateway have conflicting hosts";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Map<ScopedHost, List<Resource>> hosts = meshGatewayHosts(snapshot);
        Set<String> reported = new HashSet<>();
        hosts.forEach((key, own) -> {
            List<Resource> conflicting = new ArrayList<>(own);
            if (!key.scope().equals(ExportTo.ALL)) {
                hosts.forEach((other, list) -> {
                    if (other.scope().equals(ExportTo.ALL) && Hosts.matches(key.fqdn(), other.fqdn())) {
                        conflicting.addAll(list);
                    }
                });
            }
            if (conflicting.size() < 2) {
                return;
            }
            String names = conflicting.stream().map(Resource::fullName).collect(Collectors.joining(","));
            for (Resource vs : conflicting) {
                if (reported.add(vs.fullName())) {
                    reporter.report("ConflictingMeshGatewayVirtualServiceHosts", vs, names, key.toString());
                }
            }
        });
    }

    private static Map<ScopedHost, List<Resource>> meshGatewayHosts(ResourceSnapshot snapshot) {
        Map<ScopedHost, List<Resource>> out = new LinkedHashMap<>();
        for (Resource vs : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "VirtualService")) {
            List<String> gateways = RouteDestinations.strings(vs.spec().path("gateways"));
            if (!gateways.isEmpty() && !gateways.contains(VirtualServiceGatewayAnalyzer.MESH)) {
                continue;
            }
            for (String scope : ExportTo.scopes(ExportTo.of(vs.spec()), vs.namespace())) {
                for (String h : RouteDestinations.strings(vs.spec().path("hosts"))) {
                    out.computeIfAbsent(new ScopedHost(scope, Hosts.fqdn(vs.namespace(), h)), k -> new ArrayList<>()).add(vs);
                }
            }
        }
        return out;
    }
}
