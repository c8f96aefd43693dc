package dev.skopos.analysis.skopos;

import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A route to a subset no DestinationRule of its host defines: Envoy has no cluster
 * {@code outbound|port|subset|host} and answers 503 NR (route to a missing cluster: NC). istioctl's
 * virtualservice.DestinationRuleAnalyzer reports it as IST0101; this adds which rules do exist for the
 * host and what subsets they offer, so the typo or the merged-away rule shows at once.
 */
public final class SubsetNotDefinedAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "skopos.SubsetNotDefined";
    }

    @Override
    public String description() {
        return "Finds routes to subsets that no DestinationRule for the host defines, listing the rules that exist";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        List<Resource> rules = snapshot.list("networking.istio.io", "DestinationRule");
        for (Resource vs : snapshot.list("networking.istio.io", "VirtualService")) {
            Set<String> reported = new LinkedHashSet<>();
            for (Routes.Destination d : Routes.destinations(vs)) {
                if (d.subset().isEmpty() || !reported.add(d.host() + "|" + d.subset())) {
                    continue;
                }
                List<String> existing = new ArrayList<>();
                boolean defined = false;
                for (Resource dr : rules) {
                    String drHost = DestinationRuleConflictAnalyzer.host(dr);
                    if (!Hosts.covers(drHost, d.host())) {
                        continue;
                    }
                    List<String> subsets = DestinationRuleConflictAnalyzer.subsetNames(dr);
                    defined |= subsets.contains(d.subset());
                    existing.add(dr.fullName() + " has " + (subsets.isEmpty() ? "no subsets" : String.join(", ", subsets)));
                }
                if (!defined) {
                    reporter.report("SubsetNotDefined", vs, vs.fullName(), d.subset(), Hosts.shortName(d.host()),
                            existing.isEmpty() ? "there is none" : String.join("; ", existing));
                }
            }
        }
    }
}
