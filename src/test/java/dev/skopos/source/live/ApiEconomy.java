package dev.skopos.source.live;

import dev.skopos.source.PodRef;
import dev.skopos.source.demo.DemoSource;
import dev.skopos.tui.HeadlessTui;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * What a TUI session costs the API server: a synthetic mesh on the mock, the real shell on a live
 * source built from a kubeconfig, the proxies view left open, then one proxy's summary. Counted at
 * the server ({@link RequestTally}) and inside the port-forward tunnels. Shared by ApiEconomyTest
 * (seconds of idle) and the benchmark (a minute); {@link #start} returns once synced.
 */
public final class ApiEconomy implements AutoCloseable {

    /**
     * @param time         from opening the source to the proxies and findings on screen and every listed kind watched
     * @param requests     requests by kind until then
     * @param lists        the LISTs among them (paths with their query)
     * @param retainedHeap heap retained by the live source and the TUI (after a GC; the mock's own excluded)
     */
    public record Sync(Duration time, Map<RequestTally.Kind, Integer> requests, List<String> lists, long retainedHeap) {}

    /**
     * @param length       how long only the proxies view was open
     * @param requests     requests by kind meanwhile
     * @param inTunnels    requests inside port-forward tunnels meanwhile, by pod port (15014 istiod, 15000 Envoy)
     * @param envoyReached pods ({@code ns/name}) whose Envoy admin was reached so far, by tunnel or request
     */
    public record Idle(Duration length, Map<RequestTally.Kind, Integer> requests, Map<Integer, Integer> inTunnels,
                       List<String> envoyReached) {}

    /**
     * @param viewed       the proxy whose summary was opened
     * @param requests     requests by kind while it opened
     * @param inTunnels    requests inside tunnels meanwhile, by pod port
     * @param envoyReached every pod ({@code ns/name}) whose Envoy admin was reached by then
     */
    public record Opened(PodRef viewed, Map<RequestTally.Kind, Integer> requests, Map<Integer, Integer> inTunnels,
                         List<String> envoyReached) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String ENVOY_PORT = ":" + LiveEnvoyAdmin.DEFAULT_ADMIN_PORT;

    private final int pods;
    private final MockApiServer api;
    private final ExecutorService executor;
    private final LiveSource source;
    private final HeadlessTui tui;
    private final int opened;
    private Sync sync;

    private ApiEconomy(int pods, MockApiServer api, ExecutorService executor, LiveSource source, int opened) {
        this.pods = pods;
        this.api = api;
        this.executor = executor;
        this.source = source;
        this.tui = new HeadlessTui(source);
        this.opened = opened;
    }

    /** Serves {@code pods} proxies, opens the source and the shell, and waits until they are synced. */
    public static ApiEconomy start(int pods, Path dir) throws IOException {
        MockApiServer api = MockApiServer.start();
        SyntheticMeshOnMockServer.serve(api, DemoSource.create(), pods);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "api-economy");
            t.setDaemon(true);
            return t;
        });
        long heapBefore = usedHeapAfterGc();
        int opened = api.requests().mark();
        long started = System.nanoTime();
        LiveSource source = LiveSources.open(api.writeKubeconfig(dir.resolve("kubeconfig")), null,
                LiveEnvoyAdmin.DEFAULT_ADMIN_PORT, executor);
        ApiEconomy session = new ApiEconomy(pods, api, executor, source, opened);
        try {
            session.awaitSync(started, heapBefore);
        } catch (RuntimeException | Error e) {
            session.close();
            throw e;
        }
        return session;
    }

    private void awaitSync(long started, long heapBefore) {
        RequestTally tally = api.requests();
        require(tui.turnUntil(s -> s.contains("proxies(all)[" + pods + "]") && s.contains(" findings "), TIMEOUT),
                "the proxies and findings on screen");
        require(tui.turnUntil(s -> tally.listedButNotWatched().isEmpty(), TIMEOUT), "a watch for every listed kind");
        Duration time = Duration.ofNanos(System.nanoTime() - started);
        int synced = tally.mark();
        List<String> lists = tally.between(opened, synced).stream()
                .filter(r -> r.kind() == RequestTally.Kind.LIST).map(RequestTally.Request::path).toList();
        sync = new Sync(time, tally.countsBetween(opened, synced), lists, usedHeapAfterGc() - heapBefore);
    }

    public Sync sync() {
        return sync;
    }

    /** Leaves the proxies view open this long; {@code meanwhile} runs first (tests inject a stray request). */
    public Idle idle(Duration length, Consumer<LiveSource> meanwhile) {
        RequestTally tally = api.requests();
        int from = tally.mark();
        Map<String, Integer> tunnelsBefore = api.forwards().hitsByTarget();
        meanwhile.accept(source);
        tui.turnFor(length);
        return new Idle(length, tally.countsBetween(from, tally.mark()),
                byPort(api.forwards().hitsByTarget(), tunnelsBefore), envoyReached());
    }

    /** Filters the proxies to the one in the middle and opens its summary. */
    public Opened openProxy() {
        PodRef viewed = SyntheticMeshOnMockServer.pods(pods).get(pods / 2);
        RequestTally tally = api.requests();
        int from = tally.mark();
        Map<String, Integer> tunnelsBefore = api.forwards().hitsByTarget();
        tui.type("/" + viewed.name() + "\n");
        require(tui.turnUntil(s -> s.contains("</" + viewed.name() + ">"), TIMEOUT), "the filter");
        tui.type("\n");
        require(tui.turnUntil(s -> s.contains("Log levels") && s.contains("Clusters"), TIMEOUT),
                "the summary of " + viewed);
        return new Opened(viewed, tally.countsBetween(from, tally.mark()),
                byPort(api.forwards().hitsByTarget(), tunnelsBefore), envoyReached());
    }

    @Override
    public void close() {
        tui.close(); // closes the source
        executor.shutdownNow();
        api.close();
    }

    /** {@code ns/pod} of every pod whose Envoy admin port saw a port-forward or a request since the source opened. */
    private List<String> envoyReached() {
        TreeSet<String> out = new TreeSet<>();
        api.requests().since(opened).stream().map(RequestTally.Request::forwardTarget)
                .filter(t -> t != null && t.endsWith(ENVOY_PORT)).forEach(out::add);
        api.forwards().hitsByTarget().keySet().stream().filter(t -> t.endsWith(ENVOY_PORT)).forEach(out::add);
        return out.stream().map(t -> t.substring(0, t.length() - ENVOY_PORT.length())).toList();
    }

    /** Requests inside tunnels between two snapshots of {@code ns/pod:port → count}, summed by port. */
    private static Map<Integer, Integer> byPort(Map<String, Integer> after, Map<String, Integer> before) {
        Map<Integer, Integer> out = new TreeMap<>();
        after.forEach((target, n) -> {
            int delta = n - before.getOrDefault(target, 0);
            if (delta > 0) {
                out.merge(Integer.parseInt(target.substring(target.lastIndexOf(':') + 1)), delta, Integer::sum);
            }
        });
        return out;
    }

    private void require(boolean met, String what) {
        if (!met) {
            throw new AssertionError("timed out waiting for " + what + "; the screen shows:\n" + tui.screen());
        }
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
