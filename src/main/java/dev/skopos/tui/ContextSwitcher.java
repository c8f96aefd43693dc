package dev.skopos.tui;

import dev.skopos.source.MeshSource;
import java.util.List;

/**
 * The kube contexts the shell can watch and how to open them, for {@code :ctx}; the command line
 * provides it for live clusters (the demo and snapshots have none). Opening is the slow part
 * (building the client, the first LISTs), so the shell calls it off the GUI thread.
 */
public interface ContextSwitcher {

    /** One kubeconfig context, as the contexts view lists it. */
    record KubeContext(String name, String cluster, String user, String namespace) {}

    /** Every context in the kubeconfig, in file order; empty when it cannot be read. */
    List<KubeContext> available();

    /**
     * A source watching these contexts (several: a multi-cluster view). Blocking.
     *
     * @throws dev.skopos.source.SourceException with a one-line reason when a context is unusable
     */
    MeshSource open(List<String> contexts);
}
