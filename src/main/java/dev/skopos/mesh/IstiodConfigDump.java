package dev.skopos.mesh;

import dev.skopos.istiod.ProxySync;
import dev.skopos.istiod.SynczParser;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.MeshSource;
import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What istiod would send one proxy ({@code /debug/config_dump?proxyID=}). Only the replica the
 * proxy is connected to knows it, so the replicas' sync reports say which one to ask; a replica
 * that does not answer its report is skipped, since another may hold the proxy.
 */
public final class IstiodConfigDump {

    /** One replica's parsed report. */
    record Report(IstiodInstance istiod, List<ProxySync> syncs) {}

    private IstiodConfigDump() {
    }

    /** Fails with a NOT_FOUND {@link SourceException} when no replica reports the proxy. */
    public static CompletableFuture<String> of(MeshSource source, PodRef proxy) {
        List<IstiodInstance> istiods = source.istiod().instances();
        List<CompletableFuture<Report>> reports = new ArrayList<>();
        for (IstiodInstance istiod : istiods) {
            reports.add(source.istiod().syncz(istiod).thenApply(a -> new Report(istiod, SynczParser.parse(a)))
                    .exceptionally(e -> new Report(istiod, List.of())));
        }
        return CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new)).thenCompose(done -> {
            Optional<IstiodInstance> connected = connectedTo(reports.stream().map(CompletableFuture::join).toList(), proxy);
            return connected.map(istiod -> source.istiod().configDump(istiod, proxy))
                    .orElseGet(() -> CompletableFuture.failedFuture(new SourceException(SourceException.Reason.NOT_FOUND,
                            "proxy " + proxy.proxyId() + " is not connected to any istiod (checked "
                                    + istiods.size() + ")")));
        });
    }

    /**
     * The replica whose report holds the proxy. While a proxy reconnects two replicas may report
     * it: one of the proxy's own cluster first (several clusters' istiods may each know a proxy of
     * that id), then the most recent acknowledgement, then the first replica.
     */
    static Optional<IstiodInstance> connectedTo(List<Report> reports, PodRef proxy) {
        Comparator<Report> preferred = Comparator.comparing(
                (Report r) -> !r.istiod().pod().cluster().equals(proxy.cluster()))
                .thenComparing(r -> lastUpdate(r, proxy), Comparator.nullsLast(Comparator.reverseOrder()));
        return reports.stream()
                .filter(r -> r.syncs().stream().anyMatch(s -> s.proxyId().equals(proxy.proxyId())))
                .min(preferred)
                .map(Report::istiod);
    }

    private static Instant lastUpdate(Report report, PodRef proxy) {
        return report.syncs().stream().filter(s -> s.proxyId().equals(proxy.proxyId()))
                .map(ProxySync::lastUpdated).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }
}
