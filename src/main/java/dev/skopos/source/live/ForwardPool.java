package dev.skopos.source.live;

import dev.skopos.source.PodRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The port-forwards {@link AdminPorts} talks through: one per (pod, port), on an ephemeral loopback
 * port, shared by every request while in use and closed once idle. A forward costs one WebSocket
 * per TCP connection and the JDK HTTP client keeps its connections alive, so requests one after the
 * other share one tunnel; requests in parallel (a proxy summary asks for four answers at once) each
 * get a connection, hence a WebSocket, which later requests then reuse.
 */
final class ForwardPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ForwardPool.class.getName());

    private record Target(PodRef pod, int port) {}

    /** A forward and its bookkeeping; guarded by the pool's lock. */
    static final class Tunnel {
        private final Target target;
        private final LocalPortForward forward;
        private int users;
        private long idleSince;
        private boolean retired;

        private Tunnel(Target target, LocalPortForward forward) {
            this.target = target;
            this.forward = forward;
        }

        int localPort() {
            return forward.getLocalPort();
        }

        /** What went wrong in the tunnel: a refused upgrade, the kubelet's error channel. */
        List<Throwable> errors() {
            List<Throwable> all = new ArrayList<>(forward.getServerThrowables());
            all.addAll(forward.getClientThrowables());
            return all;
        }
    }

    private final KubernetesClient client;
    private final Executor executor;
    private final long idleNanos;
    private final Map<Target, Tunnel> tunnels = new HashMap<>();
    private boolean closed;

    ForwardPool(KubernetesClient client, Executor executor, Duration idleAfter) {
        this.client = client;
        this.executor = executor;
        this.idleNanos = idleAfter.toNanos();
    }

    /**
     * A live tunnel to the pod's port, opened if needed. Opening binds a local socket only; the
     * API server is contacted when the first connection arrives, so errors surface on the request.
     */
    synchronized Tunnel acquire(PodRef pod, int port) {
        if (closed) {
            throw new IllegalStateException("port-forwards are closed");
        }
        sweep(System.nanoTime());
        Target target = new Target(pod, port);
        Tunnel tunnel = tunnels.get(target);
        if (tunnel == null || !tunnel.forward.isAlive()) {
            LocalPortForward forward = client.pods().inNamespace(pod.namespace()).withName(pod.name())
                    .portForward(port, InetAddress.getLoopbackAddress(), 0);
            tunnel = new Tunnel(target, forward);
            tunnels.put(target, tunnel);
        }
        tunnel.users++;
        return tunnel;
    }

    /**
     * Gives a tunnel back. A failed one is retired at once so the next request opens a fresh one:
     * fabric8 keeps a forward's errors forever, and a pod that came back deserves a clean start.
     */
    void release(Tunnel tunnel, boolean failed) {
        boolean scheduleSweep;
        synchronized (this) {
            tunnel.users--;
            tunnel.idleSince = System.nanoTime();
            if (failed && !tunnel.retired) {
                tunnel.retired = true;
                tunnels.remove(tunnel.target, tunnel);
            }
            if (tunnel.retired && tunnel.users == 0) {
                closeQuietly(tunnel);
            }
            scheduleSweep = !failed && tunnel.users == 0 && !closed;
        }
        if (scheduleSweep) {
            // No scheduler of our own: the JDK's delayed executor hands the sweep to ours later.
            CompletableFuture.runAsync(() -> {
                synchronized (this) {
                    sweep(System.nanoTime());
                }
            }, CompletableFuture.delayedExecutor(idleNanos + TimeUnit.MILLISECONDS.toNanos(50),
                    TimeUnit.NANOSECONDS, executor));
        }
    }

    /** How many forwards are open; for tests and the status line. */
    synchronized int open() {
        return tunnels.size();
    }

    private void sweep(long now) {
        tunnels.values().removeIf(t -> {
            boolean idle = t.users == 0 && now - t.idleSince >= idleNanos;
            if (idle || !t.forward.isAlive()) {
                t.retired = true;
                if (t.users == 0) {
                    closeQuietly(t);
                }
                return true;
            }
            return false;
        });
    }

    @Override
    public synchronized void close() {
        closed = true;
        tunnels.values().forEach(ForwardPool::closeQuietly);
        tunnels.clear();
    }

    private static void closeQuietly(Tunnel tunnel) {
        try {
            tunnel.forward.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing the forward to " + tunnel.target, e);
        }
    }
}
