package dev.skopos.mesh;

import dev.skopos.istiod.ProxySync;
import dev.skopos.istiod.SyncMerger;
import dev.skopos.istiod.SynczParser;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.MeshSource;
import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What istiod would send one proxy ({@code /debug/config_dump?proxyID=}). Only the replica the
 * proxy is connected to knows it, so the replicas' sync reports say which one to ask; a replica
 * that does not answer its report is skipped, since another may hold the proxy.
 */
public final class IstiodConfigDump {

    private IstiodConfigDump() {
    }

    /** Fails with a NOT_FOUND {@link SourceException} when no replica reports the proxy. */
    public static CompletableFuture<String> of(MeshSource source, PodRef proxy) {
        List<IstiodInstance> istiods = source.istiod().instances();
        List<CompletableFuture<List<ProxySync>>> reports = new ArrayList<>();
        for (IstiodInstance istiod : istiods) {
            reports.add(source.istiod().syncz(istiod).thenApply(SynczParser::parse)
                    .exceptionally(e -> List.of()));
        }
        return CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new)).thenCompose(done -> {
            Optional<IstiodInstance> connected = connectedTo(
                    SyncMerger.merge(reports.stream().map(CompletableFuture::join).toList()), istiods, proxy);
            return connected.map(istiod -> source.istiod().configDump(istiod, proxy))
                    .orElseGet(() -> CompletableFuture.failedFuture(new SourceException(SourceException.Reason.NOT_FOUND,
                            "proxy " + proxy.proxyId() + " is not connected to any istiod (checked "
                                    + istiods.size() + ")")));
        });
    }

    /** The replica whose (merged) report holds the proxy. */
    static Optional<IstiodInstance> connectedTo(List<ProxySync> merged, List<IstiodInstance> istiods, PodRef proxy) {
        return merged.stream().filter(s -> s.proxyId().equals(proxy.proxyId())).findFirst()
                .flatMap(s -> istiods.stream().filter(i -> i.name().equals(s.istiod())).findFirst());
    }
}
