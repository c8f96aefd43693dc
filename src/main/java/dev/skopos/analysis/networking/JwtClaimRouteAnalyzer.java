package dev.skopos.analysis.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * istioctl's {@code virtualservice.JWTClaimRouteAnalyzer}: routing on a JWT claim header
 * ({@code @request.auth.claims...}) at a gateway only works when a RequestAuthentication applies to
 * the gateway's pods, in istio-system or the pod's namespace; each uncovered pod is reported.
 */
final class JwtClaimRouteAnalyzer implements Analyzer {

    static final String CLAIM_PREFIX = "@request.auth.claims";
    // istioctl looks in the literal istio-system namespace here, not the configured root namespace.
    private static final String ISTIO_SYSTEM = "istio-system";

    @Override
    public String name() {
        return "virtualservice.JWTClaimRouteAnalyzer";
    }

    @Override
    public String description() {
        return "Checks the VirtualService using JWT claim based routing has corresponding RequestAuthentication";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Map<String, List<Map<String, String>>> raSelectorsByNs = new LinkedHashMap<>();
        for (Resource ra : snapshot.list("security.istio.io", "RequestAuthentication")) {
            raSelectorsByNs.computeIfAbsent(ra.namespace(), k -> new ArrayList<>())
                    .add(Selectors.labels(ra.spec().path("selector").path("matchLabels")));
        }
        for (Resource vs : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "VirtualService")) {
            Optional<String> key = claimKey(vs.spec());
            if (key.isEmpty()) {
                continue;
            }
            for (JsonNode g : vs.spec().path("gateways")) {
                String gwName = g.asText();
                if (gwName.equals(VirtualServiceGatewayAnalyzer.MESH)) {
                    continue;
                }
                String full = Hosts.shortOrFullName(vs.namespace(), gwName);
                int slash = full.indexOf('/');
                Optional<Resource> gw = snapshot.find(VirtualServiceGatewayAnalyzer.ISTIO, "Gateway",
                        full.substring(0, slash), full.substring(slash + 1));
                if (gw.isEmpty()) {
                    continue; // the GatewayAnalyzer reports missing gateways
                }
                Map<String, String> gwSelector = Selectors.labels(gw.get().spec().path("selector"));
                for (Resource pod : snapshot.list("", "Pod")) {
                    Map<String, String> labels = pod.labels();
                    if (!Selectors.matches(gwSelector, labels)) {
                        continue;
                    }
                    List<Map<String, String>> selectors = new ArrayList<>(raSelectorsByNs.getOrDefault(ISTIO_SYSTEM, List.of()));
                    selectors.addAll(raSelectorsByNs.getOrDefault(pod.namespace(), List.of()));
                    if (selectors.stream().noneMatch(s -> Selectors.matches(s, labels))) {
                        reporter.report("JwtClaimBasedRoutingWithoutRequestAuthN", vs, key.get(), full, pod.name());
                    }
                }
            }
        }
    }

    /** The first header or withoutHeaders key of any http match that routes on a JWT claim. */
    static Optional<String> claimKey(JsonNode vsSpec) {
        for (JsonNode http : vsSpec.path("http")) {
            for (JsonNode match : http.path("match")) {
                for (String field : List.of("headers", "withoutHeaders")) {
                    Iterator<String> names = match.path(field).fieldNames();
                    while (names.hasNext()) {
                        String name = names.next();
                        if (name.startsWith(CLAIM_PREFIX)) {
                            return Optional.of(name);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
