package dev.skopos.analysis.networking;

import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import dev.skopos.analysis.networking.RouteDestinations.Destination;
import java.util.HashSet;
import java.util.Set;

/**
 * istioctl's {@code virtualservice.DestinationRuleAnalyzer}: a route or mirror that names a subset
 * needs a DestinationRule for that host defining the subset. Hosts compare as Services
 * ({@code namespace/name}), short names resolved in each object's own namespace.
 */
final class DestinationRuleAnalyzer implements Analyzer {

    private record HostSubset(String service, String subset) {
    }

    @Override
    public String name() {
        return "virtualservice.DestinationRuleAnalyzer";
    }

    @Override
    public String description() {
        return "Checks the destination rules associated with each virtual service";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Set<HostSubset> defined = new HashSet<>();
        for (Resource dr : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "DestinationRule")) {
            String service = Hosts.serviceName(dr.namespace(), dr.spec().path("host").asText(""));
            dr.spec().path("subsets").forEach(s -> defined.add(new HostSubset(service, s.path("name").asText(""))));
        }
        for (Resource vs : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "VirtualService")) {
            for (Destination d : RouteDestinations.routes(vs.spec())) {
                if (missing(vs, d, defined)) {
                    reporter.report("ReferencedResourceNotFound", vs, "host+subset in destinationrule", d.host() + "+" + d.subset());
                }
            }
            for (Destination d : RouteDestinations.mirrors(vs.spec())) {
                if (missing(vs, d, defined)) {
                    reporter.report("ReferencedResourceNotFound", vs, "mirror+subset in destinationrule", d.host() + "+" + d.subset());
                }
            }
        }
    }

    private static boolean missing(Resource vs, Destination d, Set<HostSubset> defined) {
        return !d.subset().isEmpty() && !defined.contains(new HostSubset(Hosts.serviceName(vs.namespace(), d.host()), d.subset()));
    }
}
