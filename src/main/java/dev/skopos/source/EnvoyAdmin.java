package dev.skopos.source;

import java.util.concurrent.CompletableFuture;

/**
 * Envoy's admin API (port 15000) of one proxy, answered as the raw bodies Envoy sends. Parsing
 * lives in {@code dev.skopos.envoy}, so live pulls, recorded snapshots and the demo share it.
 * Futures fail with {@link SourceException}.
 */
public interface EnvoyAdmin {

    /** {@code GET /config_dump}, with {@code ?include_eds} when asked. */
    CompletableFuture<String> configDump(PodRef proxy, boolean includeEds);

    /** {@code GET /clusters?format=json}. */
    CompletableFuture<String> clusters(PodRef proxy);

    /** {@code GET /server_info}. */
    CompletableFuture<String> serverInfo(PodRef proxy);

    /** {@code GET /logging}: the text list of active loggers and their levels. */
    CompletableFuture<String> logging(PodRef proxy);

    /** {@code GET /certs}. */
    CompletableFuture<String> certs(PodRef proxy);

    /** {@code GET /stats}, optionally {@code ?filter=REGEX}; text format. */
    CompletableFuture<String> stats(PodRef proxy, String filterRegex);

    /**
     * {@code POST /logging?level=L} (logger null: every logger) or {@code ?LOGGER=L}. A mutating
     * action: callers confirm it and refuse it in read-only mode. Answers Envoy's new logger list.
     */
    CompletableFuture<String> setLogLevel(PodRef proxy, String logger, String level);
}
