package dev.skopos.mesh;

import dev.skopos.envoy.CertsParser;
import dev.skopos.envoy.ConfigCountsParser;
import dev.skopos.envoy.LoggerLevelsParser;
import dev.skopos.envoy.ServerInfoParser;
import dev.skopos.source.EnvoyAdmin;
import dev.skopos.source.MeshSource;
import dev.skopos.source.SourceException;
import dev.skopos.source.PodRef;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Builds the proxy summary pane: asks Envoy for server_info, logging, config_dump and certs at
 * once, and lets each section fail on its own, so one broken request never blanks the pane.
 */
public final class ProxySummaryLoader {

    private final MeshSource source;
    private final Clock clock;

    /** @param clock what "now" is for certificate expiry and staleness ages */
    public ProxySummaryLoader(MeshSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** Never completes exceptionally: failures end up in the sections' {@link Fetched#error()}. */
    public CompletableFuture<ProxySummary> load(Proxy proxy) {
        PodRef pod = proxy.pod();
        var serverInfo = section(admin -> admin.serverInfo(pod), ServerInfoParser::parse);
        var logging = section(admin -> admin.logging(pod), LoggerLevelsParser::parse);
        // Without EDS: endpoints can be huge and the counts do not need them.
        var counts = section(admin -> admin.configDump(pod, false), ConfigCountsParser::parse);
        var certs = section(admin -> admin.certs(pod), CertsParser::parse);
        return CompletableFuture.allOf(serverInfo, logging, counts, certs).thenApply(ignored -> {
            var warnings = ProxyWarnings.derive(proxy, serverInfo.join(), logging.join(), counts.join(),
                    certs.join(), clock.instant());
            return new ProxySummary(proxy, serverInfo.join(), logging.join(), counts.join(), certs.join(), warnings);
        });
    }

    private <T> CompletableFuture<Fetched<T>> section(Function<EnvoyAdmin, CompletableFuture<String>> request,
                                                      Function<String, T> parser) {
        CompletableFuture<String> body;
        try {
            body = request.apply(source.envoy());
        } catch (RuntimeException e) {
            // A source that throws instead of failing its future is still just one failed section.
            body = CompletableFuture.failedFuture(e);
        }
        if (body == null) {
            body = CompletableFuture.failedFuture(new IllegalStateException("no answer"));
        }
        return body.thenApply(parser).handle((value, error) ->
                error == null ? Fetched.of(value) : Fetched.failed(SourceException.describe(error)));
    }
}
