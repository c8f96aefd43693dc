package dev.skopos.istiod;

import java.time.Instant;

/**
 * One subscribed xDS type of one proxy.
 *
 * @param typeUrl      full type URL, e.g. {@code type.googleapis.com/envoy.config.cluster.v3.Cluster}
 * @param shortName    CDS, LDS, EDS, RDS, ECDS, or the type's simple name for others
 * @param state        SYNCED, NOT_SENT, STALE, ERROR or IGNORED
 * @param detail       istioctl's full status text where it says more than the state, e.g. "STALE (Never Acknowledged)"
 * @param lastUpdated  when the proxy last acknowledged this type, null when unknown
 * @param errorDetails the NACK error text Envoy sent back, null when none
 */
public record TypeSync(String typeUrl, String shortName, SyncState state, String detail, Instant lastUpdated,
                       String errorDetails) {}
