package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;

/**
 * Incident 3: a DestinationRule sends plaintext ({@code tls.mode: DISABLE}, top level or for a port)
 * to workloads whose PeerAuthentication is STRICT. The effective client TLS of a port is the port-level
 * setting when one names the port, else the top-level one (Istio's MergeTrafficPolicy); the server's
 * mode comes from {@link MtlsModes} for the container port the Service port targets.
 */
public final class TlsDisabledUnderStrictMtlsAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "skopos.TlsDisabledUnderStrictMtls";
    }

    @Override
    public String description() {
        return "Finds DestinationRules that disable TLS towards workloads a STRICT PeerAuthentication covers";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Resource dr : snapshot.list("networking.istio.io", "DestinationRule")) {
            String host = DestinationRuleConflictAnalyzer.host(dr);
            for (Resource service : snapshot.list("", "Service")) {
                if (!Hosts.covers(host, Hosts.of(service))) {
                    continue;
                }
                for (JsonNode port : service.spec().path("ports")) {
                    if (tlsMode(dr.spec().path("trafficPolicy"), port.path("port").asInt()).equals("DISABLE")) {
                        checkPort(snapshot, dr, service, port, reporter);
                    }
                }
            }
        }
    }

    /** The client TLS mode for a service port: a portLevelSettings entry for it wins over the top level. */
    static String tlsMode(JsonNode trafficPolicy, int port) {
        for (JsonNode setting : trafficPolicy.path("portLevelSettings")) {
            if (setting.path("port").path("number").asInt() == port && setting.has("tls")) {
                return setting.path("tls").path("mode").asText("");
            }
        }
        return trafficPolicy.path("tls").path("mode").asText("");
    }

    private static void checkPort(ResourceSnapshot snapshot, Resource dr, Resource service, JsonNode port,
                                  Reporter reporter) {
        for (Pods.Selected w : Pods.workloads(snapshot, service.namespace(), service.spec().path("selector"))) {
            int target = Ports.targetPort(port, w.podSpec());
            MtlsModes.Effective mode = MtlsModes.forWorkload(snapshot, service.namespace(), w.labels(), target);
            if (mode.strict()) {
                reporter.report("TlsDisabledUnderStrictMtls", dr, dr.fullName(), Hosts.shortName(Hosts.of(service)),
                        port.path("port").asInt(), mode.sourceName(), w.name());
                return; // one finding per port: the fix is the same for every workload behind it
            }
        }
    }
}
