package dev.skopos.istiod;

import dev.skopos.istiod.PrometheusText.Exposition;
import dev.skopos.istiod.PrometheusText.Sample;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the istiod view shows from one replica's {@code /metrics}. Series a release does not export
 * are null (histograms, gauges) or empty (maps); every other metric is ignored.
 *
 * @param version            {@code istio_build{component="pilot",tag=...}}, null when absent
 * @param connectedByVersion {@code pilot_xds}: connected proxies per {@code version} label ("" when unlabelled)
 * @param rejectsByType      {@code pilot_total_xds_rejects} per {@code type} (lds, cds... or a type URL)
 * @param pushesByType       {@code pilot_xds_pushes} per {@code type}
 * @param convergence        {@code pilot_proxy_convergence_time}: config change to proxy ACK
 * @param pushTimeByType     {@code pilot_xds_push_time} per {@code type}
 * @param pushTime           {@code pilot_xds_push_time} over all types
 * @param queueTime          {@code pilot_proxy_queue_time}: time a proxy waits in the push queue
 * @param sendTime           {@code pilot_xds_send_time}
 * @param services           {@code pilot_services}
 * @param virtualServices    {@code pilot_virt_services}
 * @param configEvents       {@code pilot_k8s_cfg_events}: kind (type label) to event (add, update,
 *                           delete) to count
 */
public record IstiodMetrics(String version, Map<String, Long> connectedByVersion, Map<String, Long> rejectsByType,
        Map<String, Long> pushesByType, Histogram convergence, Map<String, Histogram> pushTimeByType,
        Histogram pushTime, Histogram queueTime, Histogram sendTime, Long services, Long virtualServices,
        Map<String, Map<String, Long>> configEvents) {

    public IstiodMetrics {
        connectedByVersion = Map.copyOf(connectedByVersion);
        rejectsByType = Map.copyOf(rejectsByType);
        pushesByType = Map.copyOf(pushesByType);
        pushTimeByType = Map.copyOf(pushTimeByType);
        configEvents = Map.copyOf(configEvents);
    }

    /** Parses {@code /metrics}; fails with {@link IstiodParseException} naming the first malformed line. */
    public static IstiodMetrics parse(String body) {
        Exposition text = PrometheusText.parse(body);
        String version = null;
        Map<String, Long> connected = new TreeMap<>();
        Map<String, Long> rejects = new TreeMap<>();
        Map<String, Long> pushes = new TreeMap<>();
        Map<String, Map<String, Long>> events = new TreeMap<>();
        Long services = null;
        Long virtualServices = null;
        for (Sample s : text.samples()) {
            switch (s.name()) {
                case "istio_build" -> {
                    if (s.label("component").equals("pilot") && !s.label("tag").isEmpty()) {
                        version = s.label("tag");
                    }
                }
                case "pilot_xds" -> connected.merge(s.label("version"), count(s), Long::sum);
                case "pilot_total_xds_rejects" -> rejects.merge(s.label("type"), count(s), Long::sum);
                case "pilot_xds_pushes" -> pushes.merge(s.label("type"), count(s), Long::sum);
                case "pilot_services" -> services = count(s);
                case "pilot_virt_services" -> virtualServices = count(s);
                case "pilot_k8s_cfg_events" -> events.computeIfAbsent(s.label("type"), k -> new TreeMap<>())
                        .merge(s.label("event"), count(s), Long::sum);
                default -> {
                    // istiod exports a few hundred series; the view shows the ones above.
                }
            }
        }
        Map<String, Histogram> pushTimeByType = new TreeMap<>();
        text.samples().stream().filter(s -> s.name().equals("pilot_xds_push_time_bucket"))
                .map(s -> s.label("type")).distinct()
                .forEach(type -> pushTimeByType.put(type, Histogram.of(text.samples(), "pilot_xds_push_time",
                        l -> l.getOrDefault("type", "").equals(type))));
        return new IstiodMetrics(version, connected, rejects, pushes,
                Histogram.of(text.samples(), "pilot_proxy_convergence_time", l -> true),
                pushTimeByType, Histogram.of(text.samples(), "pilot_xds_push_time", l -> true),
                Histogram.of(text.samples(), "pilot_proxy_queue_time", l -> true),
                Histogram.of(text.samples(), "pilot_xds_send_time", l -> true),
                services, virtualServices, events);
    }

    /** Counters and gauges of things are whole numbers; Go may still print them as 1.2e+06. NaN counts as 0. */
    private static long count(Sample s) {
        return Double.isNaN(s.value()) ? 0 : Math.round(s.value());
    }

    /** Proxies connected to this replica, over all versions. */
    public long connectedProxies() {
        return connectedByVersion.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalRejects() {
        return rejectsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalPushes() {
        return pushesByType.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Convergence p50/p90/p99 in seconds; null when istiod exported no convergence histogram. */
    public Histogram.Quantiles convergenceQuantiles() {
        return convergence == null ? null : convergence.quantiles();
    }
}
