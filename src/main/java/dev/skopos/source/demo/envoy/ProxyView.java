package dev.skopos.source.demo.envoy;

import dev.skopos.source.demo.scenario.DemoPod;
import dev.skopos.source.demo.scenario.Mesh;
import dev.skopos.source.demo.scenario.MeshService;
import dev.skopos.source.demo.scenario.ProxyTraits.Sync;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One proxy's configuration as one side sees it. istiod's view is what it would push now; Envoy's
 * view is what the proxy last accepted. They are equal for a synced proxy; a STALE proxy misses
 * services created after its last ACK, and a NACKing proxy keeps its listeners without the rejected
 * EnvoyFilter patch.
 */
public record ProxyView(Mesh mesh, DemoPod pod, Side side) {

    public enum Side { ISTIOD, ENVOY }

    /** istiod's push counter per replica; the demo only needs it to look plausible. */
    private static final int PUSHES = 57;

    public Sync sync() {
        return pod.proxy().sync();
    }

    /** Services the proxy's config covers (every namespace exports to every other in the demo). */
    public List<MeshService> services() {
        if (side == Side.ENVOY && sync() == Sync.STALE) {
            Instant lastAck = mesh.ago(pod.proxy().lastAck());
            return mesh.services().stream().filter(s -> s.created().isBefore(lastAck)).toList();
        }
        return mesh.services();
    }

    /** Whether EnvoyFilter patches are in this view (the NACKing proxy rejected the patched listener). */
    public boolean envoyFiltersApplied() {
        return !(side == Side.ENVOY && sync() == Sync.NACK);
    }

    /** The version_info istiod stamps on its pushes: push time and counter. */
    public String currentVersion() {
        return mesh.ago(java.time.Duration.ofSeconds(40)).truncatedTo(ChronoUnit.SECONDS) + "/" + PUSHES;
    }

    /** The version of the last push Envoy accepted for types it is behind on. */
    public String lastAckedVersion() {
        return mesh.ago(pod.proxy().lastAck()).truncatedTo(ChronoUnit.SECONDS) + "/" + (PUSHES - 3);
    }

    /** version_info for CDS ("cds"), LDS ("lds"), RDS ("rds"): behind where this view is behind. */
    public String version(String type) {
        boolean behind = side == Side.ENVOY && switch (sync()) {
            case STALE -> type.equals("cds") || type.equals("rds");
            case NACK -> type.equals("lds");
            case SYNCED -> false;
        };
        return behind ? lastAckedVersion() : currentVersion();
    }

    /** last_updated of dynamic resources: when this view last changed. */
    public String lastUpdated(String type) {
        Instant at = version(type).equals(currentVersion())
                ? mesh.ago(java.time.Duration.ofSeconds(40)) : mesh.ago(pod.proxy().lastAck());
        Instant started = mesh.ago(pod.proxyUptime());
        return EnvoyTime.format(at.isBefore(started) ? started.plusSeconds(2) : at);
    }
}
