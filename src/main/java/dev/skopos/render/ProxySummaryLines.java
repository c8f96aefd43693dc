package dev.skopos.render;

import dev.skopos.mesh.Ages;
import dev.skopos.envoy.CertificateInfo;
import dev.skopos.envoy.ConfigCounts;
import dev.skopos.envoy.LoggerLevels;
import dev.skopos.envoy.ServerInfo;
import dev.skopos.istiod.ProxySync;
import dev.skopos.istiod.SyncState;
import dev.skopos.istiod.TypeSync;
import dev.skopos.mesh.CertExpiry;
import dev.skopos.mesh.Fetched;
import dev.skopos.mesh.Proxy;
import dev.skopos.mesh.ProxyKind;
import dev.skopos.mesh.ProxySummary;
import dev.skopos.mesh.Warning;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The proxy summary pane as lines: label column, values, then warnings, worst first. */
public final class ProxySummaryLines {

    private static final int LABEL = 14;

    private ProxySummaryLines() {
    }

    public static List<StyledLine> of(ProxySummary s, Instant now) {
        List<StyledLine> out = new ArrayList<>();
        Proxy p = s.proxy();
        String kind = (p.kind() == ProxyKind.GATEWAY ? "gateway" : "sidecar")
                + (p.nativeSidecar() ? ", native sidecar (init container, restartPolicy: Always)" : "");
        out.add(row("Proxy", new Span(p.pod().proxyId(), Tone.HEADING), Span.of("  " + kind)));
        out.add(row("Pod", new Span(p.status(), ProxiesTable.statusTone(p.status())),
                Span.of("  ready " + p.ready() + "  restarts " + p.restarts() + "  age " + Ages.since(p.created(), now))));
        out.addAll(sync(p.sync(), now));
        out.add(StyledLine.EMPTY);
        out.add(heading("ENVOY"));
        out.addAll(server(s.serverInfo()));
        out.addAll(levels(s.logLevels()));
        out.addAll(counts(s.counts()));
        out.addAll(certs(s.certificates(), now));
        out.add(StyledLine.EMPTY);
        out.add(heading("WARNINGS (" + s.warnings().size() + ")"));
        if (s.warnings().isEmpty()) {
            out.add(row("", new Span("none", Tone.OK)));
        }
        for (Warning w : s.warnings()) {
            Tone tone = switch (w.severity()) {
                case ERROR -> Tone.ERROR;
                case WARNING -> Tone.WARN;
                case INFO -> Tone.DIM;
            };
            out.add(row("", new Span(String.format("%-8s", w.severity()), tone), Span.of(w.text()))
                    .withHangingIndent(LABEL + 1 + 8));
        }
        return out;
    }

    private static List<StyledLine> sync(ProxySync sync, Instant now) {
        if (sync == null) {
            return List.of(row("Istiod", new Span("no istiod reports this proxy (not connected?)", Tone.WARN)));
        }
        List<StyledLine> out = new ArrayList<>();
        out.add(row("Istiod", Span.of(sync.istiod() + "  cluster " + sync.clusterId() + "  version "
                + sync.istioVersion())));
        StyledLine.Builder types = new StyledLine.Builder().add(pad(""), Tone.LABEL);
        for (TypeSync t : sync.types()) {
            types.add(t.shortName() + " ", Tone.LABEL).add(t.detail() != null ? t.detail() : t.state().label(),
                    syncTone(t.state()));
            if (t.lastUpdated() != null && t.state() != SyncState.IGNORED) {
                types.add(" (" + Ages.human(Duration.between(t.lastUpdated(), now)) + " ago)", Tone.DIM);
            }
            types.add("  ");
        }
        out.add(new StyledLine(prepend(new Span(pad("Sync"), Tone.LABEL),
                new Span(sync.overall().label(), syncTone(sync.overall())))));
        out.add(types.build());
        return out;
    }

    private static List<StyledLine> server(Fetched<ServerInfo> f) {
        if (!f.ok()) {
            return List.of(unavailable("Server", f.error()));
        }
        ServerInfo i = f.value();
        Tone state = "LIVE".equals(i.state()) ? Tone.OK : Tone.WARN;
        return List.of(
                row("State", new Span(i.state(), state), Span.of("  uptime " + Ages.human(i.uptimeCurrentEpoch())
                        + " (all epochs " + Ages.human(i.uptimeAllEpochs()) + ")")),
                row("Envoy", Span.of(i.envoyVersion())),
                row("Istio", Span.of(i.istioVersion().isEmpty() ? "-" : i.istioVersion())),
                row("Node", new Span(i.nodeId(), Tone.DIM)));
    }

    private static List<StyledLine> levels(Fetched<LoggerLevels> f) {
        if (!f.ok()) {
            return List.of(unavailable("Log levels", f.error()));
        }
        LoggerLevels l = f.value();
        StyledLine.Builder b = new StyledLine.Builder().add(pad("Log levels"), Tone.LABEL)
                .add(l.dominantLevel(), Tone.HEADING).add(" (" + l.levels().size() + " loggers)", Tone.DIM);
        for (Map.Entry<String, String> e : l.exceptions().entrySet()) {
            b.add("  " + e.getKey() + ": ").add(e.getValue(), Tone.WARN);
        }
        return List.of(b.build());
    }

    private static List<StyledLine> counts(Fetched<ConfigCounts> f) {
        if (!f.ok()) {
            return List.of(unavailable("Config", f.error()));
        }
        ConfigCounts c = f.value();
        return List.of(
                row("Listeners", Span.of(c.listeners() + ""), warming(c.warmingListeners())),
                row("Clusters", Span.of(c.clusters() + ""), warming(c.warmingClusters())),
                row("Routes", Span.of(c.routes() + " in " + c.virtualHosts() + " virtual hosts, "
                        + c.routeConfigs() + " route configs")),
                row("Secrets", Span.of(c.secrets() + ""), warming(c.warmingSecrets())));
    }

    private static List<StyledLine> certs(Fetched<List<CertificateInfo>> f, Instant now) {
        if (!f.ok()) {
            return List.of(unavailable("Certificates", f.error()));
        }
        List<StyledLine> out = new ArrayList<>();
        for (CertificateInfo c : f.value()) {
            String what = c.ca() ? "root CA " : "cert ";
            String san = c.subjectAltNames().isEmpty() ? "" : "  " + String.join(",", c.subjectAltNames());
            out.add(row(out.isEmpty() ? "Certificates" : "", Span.of(what + shortSerial(c.serialNumber()) + "  "),
                    expiry(c, now), new Span(san, Tone.DIM)));
        }
        if (out.isEmpty()) {
            out.add(row("Certificates", new Span("none", Tone.DIM)));
        }
        return out;
    }

    /**
     * Hours matter for workload certs (Istio issues 24h ones and rotates at half-life), days for
     * CAs. Short-lived certs are alarming only when a quarter of their life is left (rotation
     * stalled); long-lived ones from a week before expiry.
     */
    static Span expiry(CertificateInfo c, Instant now) {
        if (c.expiration() == null) {
            Tone tone = c.daysUntilExpiration() < 1 ? Tone.ERROR : c.daysUntilExpiration() < 7 ? Tone.WARN : Tone.OK;
            return new Span("expires in " + c.daysUntilExpiration() + "d", tone);
        }
        Duration left = Duration.between(now, c.expiration());
        if (left.isNegative()) {
            return new Span("EXPIRED " + Ages.human(left.negated()) + " ago", Tone.ERROR);
        }
        Tone tone = switch (CertExpiry.judge(c.validFrom(), c.expiration(), now)) {
            case OK -> Tone.OK;
            case WARNING -> Tone.WARN;
            case ERROR -> Tone.ERROR;
        };
        return new Span("expires in " + Ages.human(left), tone);
    }

    private static String shortSerial(String serial) {
        return serial == null ? "-" : serial.length() > 12 ? serial.substring(0, 12) + "…" : serial;
    }

    private static Span warming(int n) {
        return n > 0 ? new Span("  (" + n + " warming)", Tone.WARN) : new Span("", Tone.NORMAL);
    }

    private static StyledLine unavailable(String label, String why) {
        return row(label, new Span("unavailable: " + why, Tone.ERROR));
    }

    private static StyledLine heading(String text) {
        return StyledLine.of(new Span(text, Tone.HEADING));
    }

    private static StyledLine row(String label, Span... values) {
        return new StyledLine(prepend(new Span(pad(label), Tone.LABEL), values), LABEL + 1);
    }

    private static List<Span> prepend(Span first, Span... rest) {
        List<Span> spans = new ArrayList<>();
        spans.add(first);
        for (Span s : rest) {
            if (!s.text().isEmpty()) {
                spans.add(s);
            }
        }
        return spans;
    }

    private static String pad(String label) {
        return " " + label + " ".repeat(Math.max(1, LABEL - label.length()));
    }

    private static Tone syncTone(SyncState state) {
        return ProxiesTable.syncTone(state);
    }
}
