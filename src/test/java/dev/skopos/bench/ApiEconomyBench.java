package dev.skopos.bench;

import dev.skopos.source.live.ApiEconomy;
import dev.skopos.source.live.RequestTally;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The API economy measured over a full idle period: {@link ApiEconomy} with PODS proxies
 * and IDLE seconds of the proxies view left open, then one proxy's summary; prints the requests
 * the API server saw by kind, during the initial sync and while idle, the requests inside the
 * port-forward tunnels, which proxies' Envoy admin was reached, sync time and retained heap.
 * Exit 1 when idle viewing cost a LIST or any Envoy pull did not belong to the proxy opened.
 *
 * <p>{@code java -cp target/test-classes:target/classes:DEPS dev.skopos.bench.ApiEconomyBench [PODS] [IDLE]}
 * (bench/api-economy.sh builds the class path; defaults 2000 and 60).
 */
public final class ApiEconomyBench {

    private ApiEconomyBench() {
    }

    public static void main(String[] args) throws Exception {
        int pods = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Duration idle = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        // Only the report on the terminal: the shell's and fabric8's INFO lines would go to skopos.log.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path dir = Files.createTempDirectory("skopos-api-economy");
        ApiEconomy.Sync sync;
        ApiEconomy.Idle idled;
        ApiEconomy.Opened opened;
        try (ApiEconomy session = ApiEconomy.start(pods, dir)) {
            sync = session.sync();
            idled = session.idle(idle, source -> { });
            opened = session.openProxy();
        }

        System.out.printf(Locale.ROOT, "pods:              %d with istio-proxy sidecars (5 namespaces) + 1 istiod%n", pods);
        System.out.printf(Locale.ROOT, "time to sync:      %.2f s (source opened -> proxies and findings on screen, every listed kind watched)%n",
                sync.time().toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "retained heap:     %.1f MiB (live source + TUI after sync, after GC; the mock's own heap excluded)%n",
                sync.retainedHeap() / 1048576.0);
        System.out.println("initial sync:      " + counts(sync.requests()));
        System.out.println("  LISTs:           " + listsByCollection(sync));
        System.out.printf(Locale.ROOT, "idle %3d s:        %s%n", idled.length().toSeconds(), counts(idled.requests()));
        System.out.println("  in tunnels:      " + (idled.inTunnels().isEmpty() ? "none" : idled.inTunnels()
                + " (requests by pod port: 15014 istiod debug, 15000 Envoy admin)"));
        System.out.println("Envoy reached before a proxy was opened: " + (idled.envoyReached().isEmpty() ? "none"
                : idled.envoyReached()));
        System.out.println("opening " + opened.viewed() + ": " + counts(opened.requests()));
        System.out.println("  in tunnels:      " + opened.inTunnels());
        System.out.println("Envoy reached by then: " + opened.envoyReached());

        String viewed = opened.viewed().namespace() + "/" + opened.viewed().name();
        boolean ok = idled.requests().get(RequestTally.Kind.LIST) == 0 && idled.envoyReached().isEmpty()
                && opened.envoyReached().stream().allMatch(viewed::equals);
        System.out.println(ok ? "verdict:           OK (no LIST while idle; Envoy pulled only for the proxy viewed)"
                : "verdict:           FAILED");
        System.exit(ok ? 0 : 1);
    }

    private static String counts(Map<RequestTally.Kind, Integer> byKind) {
        int total = byKind.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder sb = new StringBuilder(total + " requests:");
        byKind.forEach((k, n) -> sb.append(' ').append(k).append(' ').append(n));
        return sb.toString();
    }

    /** {@code pods 4, services 1, ...}: LIST requests per collection, pages of one collection together. */
    private static String listsByCollection(ApiEconomy.Sync sync) {
        Map<String, Integer> out = new TreeMap<>();
        for (String path : sync.lists()) {
            String collection = path.replaceFirst("\\?.*", "");
            out.merge(collection.substring(collection.lastIndexOf('/') + 1), 1, Integer::sum);
        }
        return out.toString().replaceAll("[{}]", "").replace("=", " ");
    }
}
