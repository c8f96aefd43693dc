package dev.skopos.source.multi;

import dev.skopos.source.LogStreams;
import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import dev.skopos.source.Subscription;
import java.util.function.Consumer;

/** Log tails from the cluster the pod lives in. */
final class MultiLogStreams implements LogStreams {

    private final ClusterMembers members;

    MultiLogStreams(ClusterMembers members) {
        this.members = members;
    }

    /** A pod no cluster can be found for ends the stream at once, with the reason. */
    @Override
    public Subscription follow(PodRef pod, String container, int tailLines, Consumer<String> onLine,
                               Consumer<SourceException> onEnd) {
        ClusterMembers.Located at;
        try {
            at = members.locate(pod);
        } catch (SourceException e) {
            onEnd.accept(e);
            return () -> { };
        }
        return at.member().source().logs().follow(at.pod(), container, tailLines, onLine, onEnd);
    }
}
