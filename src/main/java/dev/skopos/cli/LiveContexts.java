package dev.skopos.cli;

import dev.skopos.source.MeshSource;
import dev.skopos.source.SourceException;
import dev.skopos.tui.ContextSwitcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The shell's view of the kubeconfig for {@code :ctx}: its contexts and live sources opened for one
 * or several of them. The files are parsed again only when they change (a context added by
 * {@code kubectl config} or a cloud CLI shows up without a restart), since the prompt asks for the
 * contexts at every redraw while the user types.
 */
final class LiveContexts implements ContextSwitcher {

    private static final Logger LOG = Logger.getLogger(LiveContexts.class.getName());

    private final Path kubeconfig;
    private final int adminPort;
    private final Executor executor;
    private Kubeconfig read;
    private List<Object> readStamp;

    LiveContexts(Path kubeconfig, int adminPort, Executor executor) {
        this.kubeconfig = kubeconfig;
        this.adminPort = adminPort;
        this.executor = executor;
    }

    @Override
    public synchronized List<KubeContext> available() {
        if (read != null && stamp(read.files()).equals(readStamp)) {
            return read.contexts();
        }
        try {
            read = Kubeconfig.read(kubeconfig);
            readStamp = stamp(read.files());
            return read.contexts();
        } catch (Kubeconfig.Unusable e) {
            LOG.log(Level.FINE, "cannot list contexts: " + e.getMessage());
            read = null;
            return List.of();
        }
    }

    /** Each file's modification time and size: what changes when kubectl rewrites it. */
    private static List<Object> stamp(List<Path> files) {
        List<Object> stamp = new ArrayList<>();
        for (Path f : files) {
            try {
                stamp.add(Files.getLastModifiedTime(f));
                stamp.add(Files.size(f));
            } catch (IOException e) {
                stamp.add(e.getClass().getSimpleName()); // gone or unreadable: differs from any earlier stamp
            }
        }
        return stamp;
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
