package dev.skopos.source.demo.envoy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.skopos.source.demo.scenario.MergedDestinationRule;
import dev.skopos.source.demo.scenario.MeshService;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One cluster a proxy has, before it becomes JSON: CDS, EDS and {@code /clusters} are all derived
 * from the same list, so they cannot disagree.
 *
 * @param service      the service behind an outbound or inbound cluster, null for the fixed ones
 * @param subset       the DestinationRule subset name, null for the service-wide cluster
 * @param subsetLabels the subset's label selector (missing node when none)
 * @param rule         the effective DestinationRule for the host, if any
 */
public record ClusterSpec(String name, Type type, MeshService service, int port, String subset,
                          JsonNode subsetLabels, Optional<MergedDestinationRule> rule) {

    public enum Type { EDS, STRICT_DNS, ORIGINAL_DST, STATIC }

    static ClusterSpec fixed(String name, Type type) {
        return new ClusterSpec(name, type, null, 0, null, MissingNode.getInstance(), Optional.empty());
    }

    public boolean outbound() {
        return name.startsWith("outbound|");
    }

    public boolean inbound() {
        return name.startsWith("inbound|");
    }

    /** The SNI Istio uses towards this cluster: {@code outbound_.9080_.v1_.reviews.bookinfo.svc.cluster.local}. */
    public String sni() {
        return "outbound_." + port + "_." + (subset == null ? "_" : subset) + "_." + service.host();
    }

    /** All clusters of one service and port, e.g. to find the subsets of a host. */
    static List<ClusterSpec> of(List<ClusterSpec> all, MeshService service, int port) {
        return all.stream().filter(c -> c.service() == service && c.port() == port).collect(Collectors.toList());
    }
}
