package dev.skopos.source.live;

import dev.skopos.source.PodRef;
import dev.skopos.source.PortForwards;
import dev.skopos.source.SourceException;
import dev.skopos.source.SourceException.Reason;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The forwards a user opens (curl, a browser on Envoy's admin page), as {@code kubectl port-forward}
 * does: a local listener, one tunnel through the API server per connection. They stay open until
 * closed or skopos exits; their state is read from fabric8 each time they are listed, so a forward
 * whose pod went away shows up with its reason.
 */
public final class LivePortForwards implements PortForwards, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LivePortForwards.class.getName());

    private final KubernetesClient client;
    private final Executor executor;
    /** Keyed by the forward as first opened; listings rebuild the record with the live state. */
    private final Map<Forward, LocalPortForward> open = new LinkedHashMap<>();

    public LivePortForwards(KubernetesClient client, Executor executor) {
        this.client = client;
        this.executor = executor;
    }

    /**
     * Checks that the pod exists first, so a typo fails now rather than on the first connection,
     * then binds the local port (a port in use fails here too).
     */
    @Override
    public CompletableFuture<Forward> open(PodRef pod, int podPort, String localAddress, int localPort) {
        String address = localAddress == null || localAddress.isEmpty() ? "127.0.0.1" : localAddress;
        return CompletableFuture.supplyAsync(() -> {
            requirePod(pod);
            InetAddress bind;
            try {
                bind = InetAddress.getByName(address);
            } catch (UnknownHostException e) {
                throw new SourceException(Reason.MALFORMED, "unknown local address " + address, e);
            }
            LocalPortForward forward;
            try {
                forward = client.pods().inNamespace(pod.namespace()).withName(pod.name()).portForward(podPort, bind, localPort);
            } catch (RuntimeException e) {
                throw new SourceException(Reason.UNREACHABLE, "cannot listen on " + address + ":" + localPort + ": "
                        + SourceException.describe(e.getCause() != null ? e.getCause() : e), e);
            }
            Forward opened = new Forward(pod, podPort, address, forward.getLocalPort(), true, null);
            synchronized (open) {
                open.put(opened, forward);
            }
            return opened;
        }, executor);
    }

    private void requirePod(PodRef pod) {
        try {
            if (client.pods().inNamespace(pod.namespace()).withName(pod.name()).get() == null) {
                throw new SourceException(Reason.NOT_FOUND, "pod " + ForwardErrors.where(pod) + " not found");
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403 || e.getCode() == 401) {
                // Reading pods may be denied while forwarding is allowed; the forward will tell.
                return;
            }
            throw new SourceException(Reason.UNREACHABLE, "cannot read pod " + ForwardErrors.where(pod) + ": "
                    + SourceException.describe(e), e);
        }
    }

    /** The forwards with their state now: inactive once closed underneath, with the reason if known. */
    @Override
    public List<Forward> active() {
        List<Forward> list = new ArrayList<>();
        synchronized (open) {
            open.forEach((opened, forward) -> list.add(current(opened, forward)));
        }
        return list;
    }

    private static Forward current(Forward opened, LocalPortForward forward) {
        Collection<Throwable> errors = new ArrayList<>(forward.getServerThrowables());
        errors.addAll(forward.getClientThrowables());
        String lastError = null;
        if (!errors.isEmpty()) {
            SourceException explained = ForwardErrors.explain(errors, opened.pod(), opened.podPort(), null);
            lastError = explained != null ? explained.getMessage()
                    : SourceException.describe(new ArrayList<>(errors).get(errors.size() - 1));
        }
        return new Forward(opened.pod(), opened.podPort(), opened.localAddress(), opened.localPort(),
                forward.isAlive(), lastError);
    }

    /** Closes a forward, found by where it listens (the record's live state may have changed). */
    @Override
    public void close(Forward forward) {
        LocalPortForward found = null;
        synchronized (open) {
            var it = open.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                Forward f = e.getKey();
                if (f.pod().equals(forward.pod()) && f.podPort() == forward.podPort() && f.localPort() == forward.localPort()
                        && f.localAddress().equals(forward.localAddress())) {
                    found = e.getValue();
                    it.remove();
                    break;
                }
            }
        }
        if (found != null) {
            closeQuietly(found);
        }
    }

    /** Closes every forward (skopos exits, context switch). */
    @Override
    public void close() {
        List<LocalPortForward> all;
        synchronized (open) {
            all = new ArrayList<>(open.values());
            open.clear();
        }
        all.forEach(LivePortForwards::closeQuietly);
    }

    private static void closeQuietly(LocalPortForward forward) {
        try {
            forward.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a port-forward", e);
        }
    }

}
