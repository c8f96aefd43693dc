package dev.skopos.cli;

import dev.skopos.source.MeshSource;
import dev.skopos.source.SourceException;
import dev.skopos.tui.ContextSwitcher;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The shell's view of the kubeconfig for {@code :ctx}: its contexts (read again each time, so a
 * context added by {@code kubectl config} or a cloud CLI shows up without a restart) and live
 * sources opened for one or several of them.
 */
final class LiveContexts implements ContextSwitcher {

    private static final Logger LOG = Logger.getLogger(LiveContexts.class.getName());

    private final Path kubeconfig;
    private final int adminPort;
    private final Executor executor;

    LiveContexts(Path kubeconfig, int adminPort, Executor executor) {
        this.kubeconfig = kubeconfig;
        this.adminPort = adminPort;
        this.executor = executor;
    }

    @Override
    public List<KubeContext> available() {
        try {
            return Kubeconfig.read(kubeconfig).contexts();
        } catch (Kubeconfig.Unusable e) {
            LOG.log(Level.FINE, "cannot list contexts: " + e.getMessage());
            return List.of();
        }
    }

    @Override
    public String current() {
        try {
            return Kubeconfig.read(kubeconfig).current();
        } catch (Kubeconfig.Unusable e) {
            return null;
        }
    }

    /** An empty list or in-cluster: the kubeconfig's own choice (fabric8's discovery). */
    @Override
    public MeshSource open(List<String> contexts) {
        List<String> named = contexts.equals(List.of("in-cluster")) ? List.of() : contexts;
        try {
            return Sources.live(kubeconfig, named.isEmpty() ? null : named, adminPort, executor);
        } catch (Sources.Unsupported e) {
            throw new SourceException(SourceException.Reason.UNSUPPORTED, e.getMessage());
        }
    }
}
