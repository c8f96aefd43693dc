package dev.skopos.mesh;

import dev.skopos.envoy.CertificateInfo;
import dev.skopos.envoy.ConfigCounts;
import dev.skopos.envoy.LoggerLevels;
import dev.skopos.envoy.ServerInfo;
import dev.skopos.istiod.ProxySync;
import dev.skopos.istiod.SyncState;
import dev.skopos.istiod.TypeSync;
import dev.skopos.mesh.Warning.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What is worth an on-call engineer's attention on one proxy, derived from the pod, istiod's sync
 * report and Envoy's own answers. Sections that could not be fetched add nothing here: the pane
 * shows their reason in place.
 */
public final class ProxyWarnings {

    private static final Set<String> TRANSIENT_STATUSES = Set.of("Pending", "Terminating", "ContainerCreating", "PodInitializing");

    private ProxyWarnings() {
    }

    /** @return warnings, most severe first, in a stable order within a severity */
    public static List<Warning> derive(Proxy proxy, Fetched<ServerInfo> serverInfo, Fetched<LoggerLevels> logLevels,
                                       Fetched<ConfigCounts> counts, Fetched<List<CertificateInfo>> certs, Instant now) {
        List<Warning> out = new ArrayList<>();
        pod(proxy, out);
        sync(proxy.sync(), now, out);
        if (serverInfo.ok() && !"LIVE".equals(serverInfo.value().state())) {
            out.add(new Warning(Severity.WARNING, "Envoy is " + orUnknown(serverInfo.value().state()) + ", not LIVE"));
        }
        if (counts.ok()) {
            warming(counts.value(), out);
        }
        if (certs.ok()) {
            certs.value().forEach(c -> certificate(c, now, out));
        }
        if (logLevels.ok()) {
            long verbose = logLevels.value().levels().values().stream()
                    .filter(l -> l.equals("debug") || l.equals("trace")).count();
            if (verbose > 0) {
                out.add(new Warning(Severity.INFO, verbose + " logger(s) at debug or trace level (costly under load)"));
            }
        }
        if (proxy.nativeSidecar()) {
            out.add(new Warning(Severity.INFO, "istio-proxy runs as a native sidecar (init container, restartPolicy Always)"));
        }
        out.sort(Comparator.comparing(Warning::severity).reversed());
        return List.copyOf(out);
    }

    private static void pod(Proxy proxy, List<Warning> out) {
        String status = proxy.status();
        if (!"Running".equals(status)) {
            boolean transientState = TRANSIENT_STATUSES.contains(status) || status.matches("Init:\\d+/\\d+");
            out.add(new Warning(transientState ? Severity.WARNING : Severity.ERROR, "Pod is " + status));
        } else if (!proxy.allReady()) {
            out.add(new Warning(Severity.WARNING, "Pod not ready: " + proxy.ready() + " containers ready"));
        }
        if (proxy.restarts() > 0) {
            out.add(new Warning(Severity.WARNING, proxy.restarts() + " container restart(s)"));
        }
    }

    private static void sync(ProxySync sync, Instant now, List<Warning> out) {
        if (sync == null) {
            out.add(new Warning(Severity.WARNING, "No istiod reports this proxy (not connected, or istiod unreachable)"));
            return;
        }
        for (TypeSync t : sync.types()) {
            if (t.state() == SyncState.ERROR) {
                out.add(new Warning(Severity.ERROR, t.errorDetails() == null
                        ? t.shortName() + " in ERROR at istiod"
                        : t.shortName() + " rejected by Envoy (NACK): " + oneLine(t.errorDetails())));
            } else if (t.state() == SyncState.STALE) {
                String text = t.detail() != null ? t.shortName() + " " + t.detail() : t.shortName() + " STALE";
                if (t.lastUpdated() != null) {
                    text += ", last acknowledged " + age(Duration.between(t.lastUpdated(), now)) + " ago";
                }
                out.add(new Warning(Severity.WARNING, text));
            }
        }
    }

    private static void warming(ConfigCounts c, List<Warning> out) {
        if (c.warmingClusters() > 0) {
            out.add(new Warning(Severity.WARNING, c.warmingClusters() + " cluster(s) warming (waiting for endpoints or secrets)"));
        }
        if (c.warmingListeners() > 0) {
            out.add(new Warning(Severity.WARNING, c.warmingListeners() + " listener(s) warming (waiting for routes or secrets)"));
        }
        if (c.warmingSecrets() > 0) {
            out.add(new Warning(Severity.WARNING, c.warmingSecrets() + " secret(s) warming (certificate not delivered yet)"));
        }
    }

    private static void certificate(CertificateInfo cert, Instant now, List<Warning> out) {
        Duration left = cert.expiration() != null
                ? Duration.between(now, cert.expiration())
                : Duration.ofDays(cert.daysUntilExpiration());
        String name = (cert.ca() ? "CA certificate " : "Certificate ")
                + (cert.subjectAltNames().isEmpty() ? "serial " + cert.serialNumber() : cert.subjectAltNames().get(0));
        if (left.isNegative() || left.isZero()) {
            out.add(new Warning(Severity.ERROR, name + " expired " + age(left.negated()) + " ago"));
            return;
        }
        Instant notAfter = cert.expiration() != null ? cert.expiration() : now.plus(left);
        switch (CertExpiry.judge(cert.validFrom(), notAfter, now)) {
            case ERROR -> out.add(new Warning(Severity.ERROR, name + " expires in " + age(left)
                    + (isShortLived(cert) ? " and was not rotated" : "")));
            case WARNING -> out.add(new Warning(Severity.WARNING, name + " expires in " + age(left)));
            case OK -> {
            }
        }
    }

    private static boolean isShortLived(CertificateInfo cert) {
        return cert.validFrom() != null && cert.expiration() != null
                && Duration.between(cert.validFrom(), cert.expiration()).compareTo(CertExpiry.SHORT_LIVED) <= 0;
    }

    /** kubectl's short human durations: 42s, 5m, 3h, 12d, 2y. */
    static String age(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m";
        }
        if (s < 86_400) {
            return s / 3600 + "h";
        }
        return s < 365L * 86_400 ? s / 86_400 + "d" : s / (365L * 86_400) + "y";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String orUnknown(String s) {
        return s == null || s.isEmpty() ? "in an unknown state" : s;
    }
}
