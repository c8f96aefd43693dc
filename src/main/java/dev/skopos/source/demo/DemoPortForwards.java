package dev.skopos.source.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.skopos.source.PodRef;
import dev.skopos.source.PortForwards;
import dev.skopos.source.SourceException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Port-forwards that really listen: a loopback HTTP server answering the pod's Envoy admin (15000)
 * or istiod debug (15014) endpoints from the demo, so curl and browsers work against the demo too.
 */
final class DemoPortForwards implements PortForwards {

    private final DemoSource source;
    private final ExecutorService executor;
    private final Map<Forward, HttpServer> servers = new LinkedHashMap<>();

    DemoPortForwards(DemoSource source, ExecutorService executor) {
        this.source = source;
        this.executor = executor;
    }

    @Override
    public CompletableFuture<Forward> open(PodRef pod, int podPort, String localAddress, int localPort) {
        if (podPort != 15000 && podPort != 15014) {
            return CompletableFuture.failedFuture(new SourceException(SourceException.Reason.UNSUPPORTED,
                    "demo mesh forwards only Envoy admin (15000) and istiod (15014)"));
        }
        try {
            if (podPort == 15000) {
                ((DemoEnvoyAdmin) source.envoy()).proxy(pod);
            } else if (source.istiod().instances().stream().noneMatch(i -> i.pod().equals(pod))) {
                throw new SourceException(SourceException.Reason.NOT_FOUND, "pod " + pod.namespace() + "/" + pod.name()
                        + " is not an istiod");
            }
            String address = localAddress == null || localAddress.isEmpty() ? "127.0.0.1" : localAddress;
            HttpServer server = HttpServer.create(new InetSocketAddress(address, localPort), 0);
            server.setExecutor(executor);
            server.createContext("/", exchange -> serve(exchange, pod, podPort));
            server.start();
            Forward forward = new Forward(pod, podPort, address, server.getAddress().getPort(), true, null);
            synchronized (servers) {
                servers.put(forward, server);
            }
            return CompletableFuture.completedFuture(forward);
        } catch (SourceException e) {
            return CompletableFuture.failedFuture(e);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new SourceException(SourceException.Reason.UNREACHABLE,
                    "cannot listen on " + localAddress + ":" + localPort + ": " + e.getMessage(), e));
        }
    }

    @Override
    public List<Forward> active() {
        synchronized (servers) {
            return List.copyOf(servers.keySet());
        }
    }

    @Override
    public void close(Forward forward) {
        HttpServer server;
        synchronized (servers) {
            server = servers.remove(forward);
        }
        if (server != null) {
            server.stop(0);
        }
    }

    void closeAll() {
        active().forEach(this::close);
    }

    private void serve(HttpExchange exchange, PodRef pod, int port) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int status = 200;
        String body;
        String type = "text/plain; charset=UTF-8";
        try {
            CompletableFuture<String> answer = port == 15000 ? envoy(exchange.getRequestMethod(), path, query, pod)
                    : istiod(path, query, pod);
            if (answer == null) {
                status = 404;
                body = "invalid path. admin commands are: /config_dump /clusters /server_info /logging /certs /stats\n";
            } else {
                body = answer.join();
                if (body.startsWith("{") || body.startsWith("[")) {
                    type = "application/json";
                }
            }
        } catch (CompletionException e) {
            status = e.getCause() instanceof SourceException se && se.reason() == SourceException.Reason.NOT_FOUND ? 404 : 400;
            body = e.getCause().getMessage() + "\n";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private CompletableFuture<String> envoy(String method, String path, Map<String, String> q, PodRef pod) {
        var admin = source.envoy();
        return switch (path) {
            case "/config_dump" -> admin.configDump(pod, q.containsKey("include_eds"));
            case "/clusters" -> admin.clusters(pod);
            case "/server_info" -> admin.serverInfo(pod);
            case "/certs" -> admin.certs(pod);
            case "/stats" -> admin.stats(pod, q.get("filter"));
            case "/logging" -> {
                if (!method.equals("POST") || q.isEmpty()) {
                    yield admin.logging(pod);
                }
                var e = q.entrySet().iterator().next();
                yield e.getKey().equals("level") ? admin.setLogLevel(pod, null, e.getValue())
                        : admin.setLogLevel(pod, e.getKey(), e.getValue());
            }
            default -> null;
        };
    }

    private CompletableFuture<String> istiod(String path, Map<String, String> q, PodRef pod) {
        var instance = source.istiod().instances().stream().filter(i -> i.pod().equals(pod)).findFirst().orElseThrow();
        return switch (path) {
            case "/debug/syncz" -> source.synczHttp(instance).thenApply(a -> a.body());
            case "/debug/config_dump" -> q.containsKey("proxyID")
                    ? source.istiod().configDump(instance, dev.skopos.source.PodRef.parse(q.get("proxyID"), "default"))
                    : CompletableFuture.failedFuture(new SourceException(SourceException.Reason.MALFORMED,
                    "You must provide a proxyID in the query string"));
            case "/metrics" -> source.istiod().metrics(instance);
            case "/scopej/", "/scopej" -> source.istiod().logScopes(instance);
            default -> null;
        };
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
                q.put(k, eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }
}
