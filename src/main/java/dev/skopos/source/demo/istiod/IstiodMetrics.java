package dev.skopos.source.demo.istiod;

import dev.skopos.source.demo.scenario.DemoPod;
import dev.skopos.source.demo.scenario.Mesh;
import dev.skopos.source.demo.scenario.ProxyTraits.Sync;
import java.time.Duration;
import java.util.List;

/**
 * istiod's {@code /metrics}, the series an on-call engineer checks: connected proxies per replica
 * (unbalanced here), pushes, rejects (the replica serving ratings counts its LDS NACKs) and
 * convergence time.
 */
public final class IstiodMetrics {

    private static final double[] BUCKETS = {0.1, 0.5, 1, 3, 5, 10, 20, 30};

    private IstiodMetrics() {}

    public static String text(Mesh mesh, String istiod, Duration uptime, String version) {
        List<DemoPod> proxies = SynczGenerator.connectedTo(mesh, istiod);
        long nacks = proxies.stream().filter(p -> p.proxy().sync() == Sync.NACK).count();
        long minutes = Math.max(1, uptime.toMinutes());
        long pushes = Math.min(minutes, 600) * proxies.size() / 3 + proxies.size();
        StringBuilder out = new StringBuilder();
        help(out, "pilot_xds", "Number of endpoints connected to this pilot using XDS.", "gauge");
        out.append("pilot_xds{version=\"").append(version).append("\"} ").append(proxies.size()).append('\n');
        help(out, "pilot_xds_pushes", "Pilot build and send errors for lds, rds, cds and eds.", "counter");
        for (String type : List.of("cds", "eds", "lds", "rds")) {
            long factor = type.equals("eds") ? 4 : 1;
            out.append("pilot_xds_pushes{type=\"").append(type).append("\"} ").append(pushes * factor).append('\n');
        }
        help(out, "pilot_total_xds_rejects", "Total number of XDS responses from pilot rejected by proxy.", "counter");
        out.append("pilot_total_xds_rejects{type=\"lds\"} ").append(nacks * 14).append('\n');
        if (nacks > 0) {
            help(out, "pilot_xds_lds_reject", "Pilot rejected LDS.", "gauge");
            proxies.stream().filter(p -> p.proxy().sync() == Sync.NACK).forEach(p -> out
                    .append("pilot_xds_lds_reject{node=\"").append(p.ref().proxyId()).append("\"} 1\n"));
        }
        help(out, "pilot_proxy_convergence_time",
                "Delay in seconds between config change and a proxy receiving all required configuration.", "histogram");
        long count = pushes;
        long[] cumulative = {count * 62 / 100, count * 91 / 100, count * 97 / 100, count * 99 / 100, count, count, count, count};
        for (int i = 0; i < BUCKETS.length; i++) {
            out.append("pilot_proxy_convergence_time_bucket{le=\"").append(format(BUCKETS[i])).append("\"} ")
                    .append(cumulative[i]).append('\n');
        }
        out.append("pilot_proxy_convergence_time_bucket{le=\"+Inf\"} ").append(count).append('\n');
        out.append("pilot_proxy_convergence_time_sum ").append(String.format(java.util.Locale.ROOT, "%.3f", count * 0.083)).append('\n');
        out.append("pilot_proxy_convergence_time_count ").append(count).append('\n');
        help(out, "pilot_services", "Total services known to pilot.", "gauge");
        out.append("pilot_services ").append(mesh.services().size()).append('\n');
        help(out, "pilot_virt_services", "Total virtual services known to pilot.", "gauge");
        out.append("pilot_virt_services ").append(mesh.istioObjects("VirtualService").size()).append('\n');
        help(out, "istiod_uptime_seconds", "Current istiod server uptime in seconds", "gauge");
        out.append("istiod_uptime_seconds ").append(uptime.toSeconds()).append('\n');
        return out.toString();
    }

    private static void help(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
