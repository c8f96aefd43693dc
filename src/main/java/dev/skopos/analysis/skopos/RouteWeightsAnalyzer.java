package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP route weights that do not do what they say. Istio's validation (validateHTTPRouteDestinations)
 * rejects a route with more than one destination whose weights do not total 100, but manifests analysed
 * from files never met the webhook. With one destination Istio routes straight to it and the weight is
 * ignored (the API: "if there is only one destination in a rule, the weight value is assumed to be 100").
 */
public final class RouteWeightsAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "skopos.RouteWeights";
    }

    @Override
    public String description() {
        return "Finds HTTP route weights that do not sum to 100, and weights Istio ignores";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Resource vs : snapshot.list("networking.istio.io", "VirtualService")) {
            int i = 0;
            for (JsonNode route : vs.spec().path("http")) {
                check(vs, Routes.label("http", i++, route), route.path("route"), reporter);
            }
        }
    }

    private static void check(Resource vs, String label, JsonNode destinations, Reporter reporter) {
        if (destinations.size() == 1) {
            JsonNode weight = destinations.get(0).path("weight");
            if (weight.isNumber() && weight.asInt() != 100) {
                reporter.report("SingleDestinationWeightIgnored", vs, label, vs.fullName(), weight.asInt());
            }
            return;
        }
        List<Integer> weights = new ArrayList<>();
        boolean anyWeighted = false;
        int sum = 0;
        for (JsonNode d : destinations) {
            anyWeighted |= d.path("weight").isNumber();
            weights.add(d.path("weight").asInt(0));
            sum += d.path("weight").asInt(0);
        }
        if (anyWeighted && sum != 100) {
            reporter.report("RouteWeightsNotHundred", vs, label, vs.fullName(), weights, sum);
        }
    }
}
