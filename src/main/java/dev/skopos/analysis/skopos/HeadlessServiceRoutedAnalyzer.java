package dev.skopos.analysis.skopos;

import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * VirtualService routes whose destination is a headless Service. Istio builds no VIP listener for it:
 * sidecars match traffic by pod IP (a listener per endpoint, ORIGINAL_DST cluster), so clients that
 * connect to pod IPs or pod DNS names, which is what headless DNS hands out, do not use the route.
 */
public final class HeadlessServiceRoutedAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "skopos.HeadlessServiceRouted";
    }

    @Override
    public String description() {
        return "Finds VirtualService routes to headless Services (clusterIP: None)";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Resource vs : snapshot.list("networking.istio.io", "VirtualService")) {
            if (!Routes.appliesToMesh(vs)) {
                continue; // a gateway routes by Service name to endpoints; headless is fine there
            }
            Set<String> reported = new LinkedHashSet<>();
            for (Routes.Destination d : Routes.destinations(vs)) {
                Optional<Resource> service = Hosts.service(snapshot, d.host());
                if (service.isPresent() && "None".equals(service.get().spec().path("clusterIP").asText())
                        && reported.add(d.host())) {
                    reporter.report("HeadlessServiceRouted", vs, vs.fullName(), Hosts.shortName(d.host()));
                }
            }
        }
    }
}
