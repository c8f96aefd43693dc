package dev.skopos.source.multi;

import dev.skopos.source.PodRef;
import dev.skopos.source.PortForwards;
import dev.skopos.source.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Port-forwards opened in the pod's cluster. Forwards are listed stamped with their cluster and
 * handed back to it unstamped, as that cluster's source listed them.
 */
final class MultiPortForwards implements PortForwards {

    private final ClusterMembers members;

    MultiPortForwards(ClusterMembers members) {
        this.members = members;
    }

    @Override
    public CompletableFuture<Forward> open(PodRef pod, int podPort, String localAddress, int localPort) {
        ClusterMembers.Located at;
        try {
            at = members.locate(pod);
        } catch (SourceException e) {
            return CompletableFuture.failedFuture(e);
        }
        String cluster = at.member().name();
        return at.member().source().portForwards().open(at.pod(), podPort, localAddress, localPort)
                .thenApply(f -> inCluster(f, cluster));
    }

    @Override
    public List<Forward> active() {
        List<Forward> out = new ArrayList<>();
        for (ClusterMembers.Member m : members.all()) {
            m.source().portForwards().active().forEach(f -> out.add(inCluster(f, m.name())));
        }
        return out;
    }

    /** A forward of a cluster no longer watched is already gone. */
    @Override
    public void close(Forward forward) {
        ClusterMembers.Member member;
        try {
            member = members.named(forward.pod().cluster());
        } catch (SourceException e) {
            return;
        }
        member.source().portForwards().close(inCluster(forward, ""));
    }

    private static Forward inCluster(Forward f, String cluster) {
        return new Forward(f.pod().inCluster(cluster), f.podPort(), f.localAddress(), f.localPort(), f.active(),
                f.lastError());
    }
}
