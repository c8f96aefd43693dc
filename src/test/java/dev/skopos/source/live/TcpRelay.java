package dev.skopos.source.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a loopback port in front of the mock API server, which cannot be restarted on
 * its port: {@link #down()} cuts every live connection and closes each new one as soon as it is
 * accepted (an API server that went away), {@link #up()} relays again. The port stays bound, so a
 * kubeconfig pointing here stays valid across outages. Plain sockets, daemon threads.
 */
public final class TcpRelay implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean up = true;
    private volatile boolean closed;

    private TcpRelay(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("tcp-relay-accept", this::acceptLoop).start();
    }

    /** Relays a new loopback port to {@code host:port}. */
    public static TcpRelay start(String host, int port) throws IOException {
        return new TcpRelay(new InetSocketAddress(host, port));
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT}: where a kubeconfig should point. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The API server goes away: live connections are cut, new ones closed at once. */
    public void down() {
        up = false;
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /** The API server is back. */
    public void up() {
        up = true;
    }

    public boolean isUp() {
        return up;
    }

    @Override
    public void close() {
        closed = true;
        down();
        closeQuietly(listener);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (!up) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket server = new Socket(target.getAddress(), target.getPort());
                track(client);
                track(server);
                daemon("tcp-relay-up", () -> pump(client, server)).start();
                daemon("tcp-relay-down", () -> pump(server, client)).start();
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    /** Registers a socket, closing it at once when the relay went down meanwhile. */
    private void track(Socket s) {
        open.add(s);
        if (!up) {
            open.remove(s);
            closeQuietly(s);
        }
    }

    /** Copies one direction until either side ends, then ends both (no half-open pairs). */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut by down(), or a side closed: either way this pair is over
        } finally {
            open.remove(from);
            open.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do: it is gone either way
        }
    }
}
