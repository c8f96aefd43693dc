package dev.skopos.analysis.networking;

import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import dev.skopos.analysis.networking.RouteDestinations.Destination;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * istioctl's {@code virtualservice.DestinationHostAnalyzer}: every route and mirror destination must
 * resolve to a Service or ServiceEntry visible from the VirtualService, with a port that service
 * exposes (or no port when it exposes just one); and a gateway-bound VirtualService routing without a
 * subset to a host that another VirtualService splits by subset is told the subsets do not apply at
 * the ingress.
 */
final class DestinationHostAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "virtualservice.DestinationHostAnalyzer";
    }

    @Override
    public String description() {
        return "Checks the destination hosts associated with each virtual service";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        MeshServices services = MeshServices.of(snapshot);
        Map<String, List<String>> subsetHostsByVs = subsetDestinationHosts(snapshot);
        for (Resource vs : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "VirtualService")) {
            List<String> exportTo = ExportTo.of(vs.spec());
            check(vs, RouteDestinations.routes(vs.spec()), "host", services, exportTo, reporter);
            check(vs, RouteDestinations.mirrors(vs.spec()), "mirror host", services, exportTo, reporter);
            checkIngressSubsets(vs, subsetHostsByVs, reporter);
        }
    }

    private static void check(Resource vs, List<Destination> destinations, String what, MeshServices services,
                              List<String> exportTo, Reporter reporter) {
        for (Destination d : destinations) {
            MeshServices.Service s = services.resolve(vs.namespace(), exportTo, d.host());
            if (s == null) {
                reporter.report("ReferencedResourceNotFound", vs, what, d.host());
                continue;
            }
            checkPort(vs, d, s, reporter);
        }
    }

    private static void checkPort(Resource vs, Destination d, MeshServices.Service s, Reporter reporter) {
        if (!d.hasPort()) {
            // Without a port the destination is only ambiguous when the service has several.
            if (s.ports().size() > 1) {
                List<Integer> numbers = s.ports().stream().map(MeshServices.Port::number).toList();
                reporter.report("VirtualServiceDestinationPortSelectorRequired", vs, d.host(), numbers);
            }
            return;
        }
        boolean found = s.ports().stream().anyMatch(p -> p.number() == d.port());
        if (!found) {
            reporter.report("ReferencedResourceNotFound", vs, "host:port", d.host() + ":" + d.port());
        }
    }

    /** For each VirtualService, the hosts of its http route destinations that carry a subset and name one of its own hosts. */
    private static Map<String, List<String>> subsetDestinationHosts(ResourceSnapshot snapshot) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Resource vs : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "VirtualService")) {
            List<String> hosts = RouteDestinations.strings(vs.spec().path("hosts"));
            for (Destination d : RouteDestinations.routes(vs.spec())) {
                if (!d.rule().equals("http") || d.subset().isEmpty()) {
                    continue;
                }
                for (String h : hosts) {
                    if (d.host().equals(h)) {
                        out.computeIfAbsent(vs.fullName(), k -> new ArrayList<>()).add(d.host());
                    }
                }
            }
        }
        return out;
    }

    // Subsets chosen by a mesh VirtualService are not applied to traffic an ingress gateway routes
    // straight to the host, so a gateway VirtualService without a subset bypasses them.
    private static void checkIngressSubsets(Resource vs, Map<String, List<String>> subsetHostsByVs, Reporter reporter) {
        if (vs.spec().path("gateways").isEmpty()) {
            return;
        }
        for (Destination d : RouteDestinations.routes(vs.spec())) {
            if (!d.rule().equals("http") || !d.subset().isEmpty()) {
                continue;
            }
            subsetHostsByVs.forEach((other, hosts) -> {
                for (String h : hosts) {
                    if (h.equals(d.host())) {
                        reporter.report("IngressRouteRulesNotAffected", vs, other, vs.fullName());
                    }
                }
            });
        }
    }
}
