package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Incident 1: a VirtualService's HTTP routes for a host whose Service port Istio does not treat as HTTP.
 * Envoy's outbound listener for a TCP port has a tcp_proxy and never consults the route table, so
 * weights, matches and retries are dead letters. Ports are those the routes' {@code match.port} name,
 * else all of the Service's; with no port restriction a finding needs every port to be non-HTTP (a
 * Service with an http port and a tcp port is normal).
 */
public final class HttpRoutesOnTcpPortAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "skopos.HttpRoutesOnTcpPort";
    }

    @Override
    public String description() {
        return "Finds VirtualService HTTP routes for Service ports Istio treats as TCP (port name/appProtocol)";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        boolean sniffing = IstiodSettings.outboundSniffing(snapshot);
        for (Resource vs : snapshot.list("networking.istio.io", "VirtualService")) {
            if (vs.spec().path("http").isEmpty() || !Routes.appliesToMesh(vs)) {
                continue;
            }
            Set<Integer> matchPorts = matchPorts(vs.spec().path("http"));
            for (JsonNode h : vs.spec().path("hosts")) {
                Optional<Resource> service = Hosts.service(snapshot, Hosts.fqdn(h.asText(), vs.namespace()));
                service.ifPresent(s -> check(vs, s, matchPorts, sniffing, reporter));
            }
        }
    }

    /** The ports every HTTP route is restricted to; empty when some route matches any port. */
    static Set<Integer> matchPorts(JsonNode http) {
        Set<Integer> ports = new LinkedHashSet<>();
        for (JsonNode route : http) {
            if (route.path("match").isEmpty()) {
                return Set.of();
            }
            for (JsonNode m : route.path("match")) {
                if (!m.has("port")) {
                    return Set.of();
                }
                ports.add(m.path("port").asInt());
            }
        }
        return ports;
    }

    private static void check(Resource vs, Resource service, Set<Integer> matchPorts, boolean sniffing,
                              Reporter reporter) {
        boolean anyHttp = false;
        for (JsonNode port : service.spec().path("ports")) {
            if (matchPorts.isEmpty() || matchPorts.contains(port.path("port").asInt())) {
                anyHttp |= Ports.protocol(port).isHttp();
            }
        }
        if (anyHttp && matchPorts.isEmpty()) {
            return;
        }
        String host = Hosts.shortName(Hosts.of(service));
        for (JsonNode port : service.spec().path("ports")) {
            int number = port.path("port").asInt();
            Ports.Protocol p = Ports.protocol(port);
            if (p.isHttp() || !(matchPorts.isEmpty() || matchPorts.contains(number))) {
                continue;
            }
            String name = port.path("name").asText("");
            if (p.undeclared() && sniffing) {
                reporter.report("HttpRoutesOnSniffedPort", vs, vs.fullName(), host, name, number);
            } else if (p.undeclared()) {
                reporter.report("HttpRoutesOnTcpPort", vs, vs.fullName(), host, name, number, "TCP",
                        p.reason() + ", and istiod's protocol sniffing for outbound is off");
            } else {
                reporter.report("HttpRoutesOnTcpPort", vs, vs.fullName(), host, name, number, p.protocol(), p.reason());
            }
        }
    }
}
