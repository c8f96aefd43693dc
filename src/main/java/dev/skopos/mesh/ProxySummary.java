package dev.skopos.mesh;

import dev.skopos.envoy.CertificateInfo;
import dev.skopos.envoy.ConfigCounts;
import dev.skopos.envoy.LoggerLevels;
import dev.skopos.envoy.ServerInfo;
import java.util.List;

/**
 * The proxy summary pane (Enter on a proxy): Envoy's own view of itself, how much config it
 * holds, and the warnings derived from all of that plus istiod's sync report.
 */
public record ProxySummary(Proxy proxy, Fetched<ServerInfo> serverInfo, Fetched<LoggerLevels> logLevels,
                           Fetched<ConfigCounts> counts, Fetched<List<CertificateInfo>> certificates,
                           List<Warning> warnings) {

    public ProxySummary {
        warnings = List.copyOf(warnings);
    }
}
