package dev.skopos.source;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** istiod's debug interfaces (port 15014 and the xDS debug types on 15012), per replica. */
public interface IstiodDebug {

    /** The istiod replicas the source knows, sorted by name. */
    List<IstiodInstance> instances();

    /** The replica's sync report for every proxy connected to it. */
    CompletableFuture<SynczAnswer> syncz(IstiodInstance istiod);

    /** {@code /debug/config_dump?proxyID=}: what istiod would send that proxy, in config_dump shape. */
    CompletableFuture<String> configDump(IstiodInstance istiod, PodRef proxy);

    /** {@code /metrics}: Prometheus text. */
    CompletableFuture<String> metrics(IstiodInstance istiod);

    /** ControlZ {@code /scopej/}: the JSON list of log scopes and their levels. */
    CompletableFuture<String> logScopes(IstiodInstance istiod);

    /** ControlZ {@code PUT /scopej/SCOPE}: a mutating action, confirmed by callers. */
    CompletableFuture<String> setLogScope(IstiodInstance istiod, String scope, String level);
}
