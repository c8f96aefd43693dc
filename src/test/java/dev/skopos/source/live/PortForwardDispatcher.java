package dev.skopos.source.live;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API server's {@code pods/NAME/portforward} for the fabric8 mock, speaking the
 * {@code v4.channel.k8s.io} WebSocket protocol (scripted expectations close the session at once):
 * two port headers (data channel 0, error channel 1), then HTTP/1.1 requests arriving on channel 0
 * answered from canned (pod, port, method, path) routes, or from {@link Answers} computed per
 * request (a whole mesh of proxies). Counts tunnels and requests per route so tests can prove
 * single-flight and caching. Other requests go to {@link #fallback}.
 */
final class PortForwardDispatcher extends Dispatcher {

    private static final Pattern PORT_FORWARD =
            Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/portforward\\?ports=(\\d+)");

    record Answer(int status, String body, long delayMillis) {}

    /** Answers computed per request, asked when no canned route matches. */
    interface Answers {
        /** Whether the pod has anything listening on the port; a forward to anything else is refused (404). */
        boolean serves(String ns, String pod, int port);

        /** The answer to {@code METHOD path}, or null for Envoy's 404. */
        Answer answer(String ns, String pod, int port, String method, String path);
    }

    private final Map<String, Answer> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final Map<String, Boolean> closedPorts = new ConcurrentHashMap<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger tunnels = new AtomicInteger();
    private volatile Dispatcher fallback;
    private volatile Answers computed;

    /** Answers {@code METHOD path} on the pod's port. */
    PortForwardDispatcher answer(String ns, String pod, int port, String method, String path, Answer answer) {
        routes.put(route(ns, pod, port, method, path), answer);
        return this;
    }

    PortForwardDispatcher answer(String ns, String pod, int port, String path, String body) {
        return answer(ns, pod, port, "GET", path, new Answer(200, body, 0));
    }

    /** The API server refuses the upgrade for this pod (403 RBAC, 404 gone). */
    PortForwardDispatcher refuse(String ns, String pod, int status) {
        refusals.put(ns + "/" + pod, status);
        return this;
    }

    /** The pod exists but nothing listens on the port: the kubelet reports it on the error channel. */
    PortForwardDispatcher nothingListens(String ns, String pod, int port) {
        closedPorts.put(ns + "/" + pod + ":" + port, true);
        return this;
    }

    PortForwardDispatcher answers(Answers answers) {
        this.computed = answers;
        return this;
    }

    PortForwardDispatcher fallback(Dispatcher other) {
        this.fallback = other;
        return this;
    }

    /** How many requests reached {@code METHOD path} through a tunnel. */
    int hits(String ns, String pod, int port, String method, String path) {
        AtomicInteger n = hits.get(route(ns, pod, port, method, path));
        return n == null ? 0 : n.get();
    }

    int tunnels() {
        return tunnels.get();
    }

    /** Requests that reached anything through a tunnel, per {@code ns/pod:port}. */
    Map<String, Integer> hitsByTarget() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        hits.forEach((route, n) -> out.merge(route.substring(0, route.indexOf(' ')), n.get(), Integer::sum));
        return out;
    }

    /** Request bodies seen through tunnels, in order. */
    List<String> bodies() {
        return bodies;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Matcher m = PORT_FORWARD.matcher(request.getPath());
        if (!m.matches()) {
            return fallback != null ? fallback.dispatch(request) : new MockResponse().setResponseCode(404);
        }
        String ns = m.group(1);
        String pod = m.group(2);
        int port = Integer.parseInt(m.group(3));
        Integer refused = refusals.get(ns + "/" + pod);
        boolean known = routes.keySet().stream().anyMatch(k -> k.startsWith(ns + "/" + pod + ":"))
                || closedPorts.keySet().stream().anyMatch(k -> k.startsWith(ns + "/" + pod + ":"))
                || (computed != null && computed.serves(ns, pod, port));
        if (refused != null || !known) {
            int status = refused != null ? refused : 404;
            return new MockResponse().setResponseCode(status).setBody("{\"kind\":\"Status\",\"code\":" + status + "}");
        }
        tunnels.incrementAndGet();
        return new MockResponse().withWebSocketUpgrade(new Session(ns, pod, port));
    }

    private static String route(String ns, String pod, int port, String method, String path) {
        return ns + "/" + pod + ":" + port + " " + method.toUpperCase(Locale.ROOT) + " " + path;
    }

    /** One tunnel: buffers channel-0 bytes and answers every complete HTTP request in them. */
    private final class Session extends WebSocketListener {
        private final String ns;
        private final String pod;
        private final int port;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        Session(String ns, String pod, int port) {
            this.ns = ns;
            this.pod = pod;
            this.port = port;
        }

        @Override
        public void onOpen(WebSocket ws, io.fabric8.mockwebserver.http.Response response) {
            byte lo = (byte) (port & 0xff);
            byte hi = (byte) ((port >> 8) & 0xff);
            ws.send(new byte[] {0, lo, hi});
            ws.send(new byte[] {1, lo, hi});
        }

        @Override
        public void onMessage(WebSocket ws, byte[] frame) {
            if (frame.length == 0 || frame[0] != 0) {
                return;
            }
            if (closedPorts.containsKey(ns + "/" + pod + ":" + port)) {
                String error = "error forwarding port " + port + " to pod " + pod + ": failed to connect to localhost:"
                        + port + " inside namespace: connect: connection refused";
                byte[] text = error.getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[text.length + 1];
                out[0] = 1;
                System.arraycopy(text, 0, out, 1, text.length);
                ws.send(out);
                ws.close(1000, "");
                return;
            }
            synchronized (pending) {
                pending.write(frame, 1, frame.length - 1);
                String request;
                while ((request = takeRequest()) != null) {
                    respond(ws, request);
                }
            }
        }

        /** One whole request (head and Content-Length body) off the buffer, or null. */
        private String takeRequest() {
            String text = pending.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return null;
            }
            Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(text.substring(0, end));
            int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
            int total = end + 4 + bodyLength;
            if (text.length() < total) {
                return null;
            }
            byte[] all = pending.toByteArray();
            pending.reset();
            pending.write(all, total, all.length - total);
            return text.substring(0, total);
        }

        private void respond(WebSocket ws, String request) {
            String[] line = request.substring(0, request.indexOf("\r\n")).split(" ");
            String key = route(ns, pod, port, line[0], line[1]);
            hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            String body = request.substring(request.indexOf("\r\n\r\n") + 4);
            if (!body.isEmpty()) {
                bodies.add(body);
            }
            Answer canned = routes.get(key);
            Answers answers = computed;
            if (canned == null && answers != null) {
                // Computed answers (a generated config dump) are built off the mock's event loop.
                CompletableFuture.runAsync(() -> send(ws, answers.answer(ns, pod, port, line[0], line[1])));
            } else {
                send(ws, canned);
            }
        }

        private void send(WebSocket ws, Answer answer) {
            if (answer == null) {
                answer = new Answer(404, "invalid path. admin commands are: /config_dump /clusters\n", 0);
            }
            byte[] payload = answer.body().getBytes(StandardCharsets.UTF_8);
            String head = "HTTP/1.1 " + answer.status() + " " + (answer.status() < 300 ? "OK" : "Error") + "\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: " + payload.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
            byte[] frame = new byte[1 + headBytes.length + payload.length];
            System.arraycopy(headBytes, 0, frame, 1, headBytes.length);
            System.arraycopy(payload, 0, frame, 1 + headBytes.length, payload.length);
            if (answer.delayMillis() > 0) {
                // Off the mock's event loop: a slow Envoy must not stall the API server.
                CompletableFuture.runAsync(() -> ws.send(frame),
                        CompletableFuture.delayedExecutor(answer.delayMillis(), TimeUnit.MILLISECONDS));
            } else {
                ws.send(frame);
            }
        }
    }
}
