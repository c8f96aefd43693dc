package dev.skopos.source;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Port-forwards to pods that the user opened (shift-f) and can list (f) and stop. */
public interface PortForwards {

    /** A forward as the user sees it: where it listens, where it goes, whether it is up. */
    record Forward(PodRef pod, int podPort, String localAddress, int localPort, boolean active, String lastError) {}

    /** Opens {@code localAddress:localPort} (0 picks a free port) to the pod's port. */
    CompletableFuture<Forward> open(PodRef pod, int podPort, String localAddress, int localPort);

    List<Forward> active();

    void close(Forward forward);
}
