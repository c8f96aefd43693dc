package dev.skopos.analysis.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * istioctl's {@code gateway.ConflictingGatewayAnalyzer}: two Gateways that select the same workload
 * (the same selector, or selectors where one contains the other and some pod matches both) and
 * declare the same port must not both claim a host with the same bind address. Each conflicting
 * server is reported once, naming the other gateways sorted.
 */
final class ConflictingGatewayAnalyzer implements Analyzer {

    /** Servers of one gateway on one port: host to bind address. */
    private record Claim(String gateway, Map<String, String> hostBinds) {
    }

    private record SelectorPort(String selector, String port) {
    }

    @Override
    public String name() {
        return "gateway.ConflictingGatewayAnalyzer";
    }

    @Override
    public String description() {
        return "Checks a gateway's selector, port number and hosts";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        Map<SelectorPort, Map<String, Claim>> claims = claims(snapshot);
        List<Resource> pods = snapshot.list("", "Pod");
        for (Resource gw : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "Gateway")) {
            Map<String, String> selector = Selectors.labels(gw.spec().path("selector"));
            String selectorText = Selectors.toString(selector);
            List<SelectorPort> sameWorkload = new ArrayList<>();
            for (SelectorPort key : claims.keySet()) {
                if (sameWorkload(selectorText, selector, key.selector(), pods)) {
                    sameWorkload.add(key);
                }
            }
            if (!selectorText.isEmpty() && sameWorkload.isEmpty()) {
                reporter.report("ReferencedResourceNotFound", gw, "selector", selectorText);
                continue;
            }
            for (JsonNode server : gw.spec().path("servers")) {
                String port = Integer.toString(server.path("port").path("number").asInt(0));
                List<String> hosts = RouteDestinations.strings(server.path("hosts"));
                String bind = server.path("bind").asText("");
                List<String> others = new ArrayList<>();
                for (SelectorPort key : sameWorkload) {
                    if (!key.port().equals(port)) {
                        continue;
                    }
                    for (Claim c : claims.get(key).values()) {
                        if (!c.gateway().equals(gw.fullName()) && duplicates(hosts, bind, c.hostBinds())) {
                            others.add(c.gateway());
                        }
                    }
                }
                if (!others.isEmpty()) {
                    others.sort(null);
                    reporter.report("ConflictingGateways", gw, String.join(",", others), selectorText, port, String.join(",", hosts));
                }
            }
        }
    }

    private static boolean sameWorkload(String selectorText, Map<String, String> selector, String other, List<Resource> pods) {
        if (selectorText.equals(other)) {
            return true;
        }
        if (!other.contains(selectorText) && !selectorText.contains(other)) {
            return false;
        }
        Map<String, String> otherSelector = Selectors.parse(other);
        return pods.stream().anyMatch(p -> Selectors.matches(selector, p.labels()) && Selectors.matches(otherSelector, p.labels()));
    }

    // istio's model.CheckDuplicates: the same host string with the same bind. (istio also records
    // the new hosts into the other gateway's set when nothing clashes; with Go's random map order
    // that makes results vary run to run, so we leave the sets as declared.)
    private static boolean duplicates(List<String> hosts, String bind, Map<String, String> known) {
        return hosts.stream().anyMatch(h -> known.containsKey(h) && known.get(h).equals(bind));
    }

    private static Map<SelectorPort, Map<String, Claim>> claims(ResourceSnapshot snapshot) {
        Map<SelectorPort, Map<String, Claim>> out = new LinkedHashMap<>();
        for (Resource gw : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "Gateway")) {
            String selector = Selectors.toString(Selectors.labels(gw.spec().path("selector")));
            for (JsonNode server : gw.spec().path("servers")) {
                SelectorPort key = new SelectorPort(selector, Integer.toString(server.path("port").path("number").asInt(0)));
                Map<String, String> hostBinds = new LinkedHashMap<>();
                server.path("hosts").forEach(h -> hostBinds.put(h.asText(), server.path("bind").asText("")));
                // A later server on the same port replaces the earlier one, as in istioctl's map.
                out.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(gw.fullName(), new Claim(gw.fullName(), hostBinds));
            }
        }
        return out;
    }
}
