package dev.skopos.mesh;

import dev.skopos.analysis.Catalog;
import dev.skopos.analysis.Diagnostic;
import dev.skopos.analysis.Level;
import dev.skopos.analysis.MessageType;
import dev.skopos.analysis.Resource;
import dev.skopos.envoy.CertificateInfo;
import dev.skopos.envoy.CertsParser;
import dev.skopos.envoy.config.ConfigDumpParser;
import dev.skopos.envoy.config.ParseOptions;
import dev.skopos.envoy.config.Section;
import dev.skopos.istiod.ReplicaLoad;
import dev.skopos.istiod.TypeSync;

import dev.skopos.source.KubeObject;
import dev.skopos.source.PodRef;
import dev.skopos.source.MeshSource;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Findings no manifest shows: what istiod's sync reports and the proxies themselves say right now
 * (rejected and stale pushes, unbalanced istiod, expiring or mismatched certificates, secrets still
 * warming). Bounded: certificates of at most {@link #MAX_PROXIES} proxies, secrets of gateways only.
 * Without {@code askProxies} only the sync reports are read: on a live cluster asking the proxies
 * means a port-forward to each, which a screen nobody asked for findings on should not cost.
 */
public final class RuntimeFindings {

    static final int MAX_PROXIES = 60;

    private RuntimeFindings() {
    }

    /** @param scoped the user's namespace, read alone when the identity may not list pods in all of them */
    public static CompletableFuture<List<Diagnostic>> load(MeshSource source, Scope scoped, Executor executor,
                                                           Clock clock, boolean askProxies) {
        Scope scope = ReadableScope.widest(source.objects(), ResourceKind.POD, scoped);
        // By PodRef: with several clusters the same pod name may be in each.
        Map<PodRef, Resource> pods = new TreeMap<>();
        for (KubeObject o : source.objects().list(ResourceKind.POD, scope)) {
            Resource r = Resource.of(o.raw(), "");
            if (r != null) {
                pods.put(o.podRef(), r);
            }
        }
        CompletableFuture<ProxyList> proxies = new ProxyFeed(source, executor).load(scope);
        return proxies.thenCompose(list -> {
            List<Diagnostic> out = new ArrayList<>();
            for (Proxy p : list.proxies()) {
                sync(p, pods.get(p.pod()), clock, out);
            }
            List<CompletableFuture<List<Diagnostic>>> perProxy = new ArrayList<>();
            Map<String, List<String>> roots = new java.util.concurrent.ConcurrentHashMap<>();
            for (Proxy p : list.proxies().stream().limit(askProxies ? MAX_PROXIES : 0).toList()) {
                Resource pod = pods.get(p.pod());
                perProxy.add(source.envoy().certs(p.pod()).thenApply(body -> certs(p, pod,
                        CertsParser.parse(body), clock, roots)).exceptionally(e -> List.of()));
                if (p.kind() == ProxyKind.GATEWAY) {
                    perProxy.add(source.envoy().configDump(p.pod(), false)
                            .thenApply(body -> warming(p, pod, body)).exceptionally(e -> List.of()));
                }
            }
            return CompletableFuture.allOf(perProxy.toArray(CompletableFuture[]::new)).thenApply(done -> {
                perProxy.forEach(f -> out.addAll(f.join()));
                ReplicaLoad load = replicaLoad(source, list);
                if (load.unbalanced()) {
                    out.add(new Diagnostic(Catalog.type("IstiodUnbalanced"), null, List.of(load.description())));
                }
                if (roots.size() > 1) {
                    List<String> parts = new ArrayList<>();
                    roots.forEach((serial, holders) -> parts.add("serial " + serial + " on " + holders.size()
                            + " prox" + (holders.size() == 1 ? "y (" + holders.get(0) + ")" : "ies")));
                    parts.sort(String::compareTo);
                    out.add(new Diagnostic(Catalog.type("RootCaMismatch"), null, List.of(String.join("; ", parts))));
                }
                return out;
            });
        });
    }

    /**
     * Proxies per istiod replica, counted from the sync reports the proxy list already pulled
     * (asking every replica again for syncz and metrics would double the work of each analysis).
     */
    private static ReplicaLoad replicaLoad(MeshSource source, ProxyList list) {
        Map<String, Long> perReplica = new java.util.LinkedHashMap<>();
        source.istiod().instances().forEach(i -> perReplica.put(i.name(), 0L));
        for (Proxy p : list.proxies()) {
            if (p.sync() != null) {
                perReplica.merge(p.sync().istiod(), 1L, Long::sum);
            }
        }
        return ReplicaLoad.of(perReplica);
    }

    private static void sync(Proxy p, Resource pod, Clock clock, List<Diagnostic> out) {
        if (p.sync() == null) {
            return;
        }
        List<String> stale = new ArrayList<>();
        Duration oldest = null;
        for (TypeSync t : p.sync().types()) {
            switch (t.state()) {
                case ERROR -> out.add(new Diagnostic(Catalog.type("ProxyRejectedConfig"), pod, List.of(p.pod().toString(),
                        t.shortName(), p.sync().istiod(), t.errorDetails() == null ? "(no details)"
                                : t.errorDetails().replaceAll("\\s*\\R\\s*", " "))));
                case STALE -> {
                    stale.add(t.shortName());
                    if (t.lastUpdated() != null) {
                        Duration age = Duration.between(t.lastUpdated(), clock.instant());
                        oldest = oldest == null || age.compareTo(oldest) > 0 ? age : oldest;
                    }
                }
                default -> {
                }
            }
        }
        if (!stale.isEmpty()) {
            out.add(new Diagnostic(Catalog.type("ProxyStale"), pod, List.of(p.pod().toString(), String.join(", ", stale),
                    p.sync().istiod(), oldest == null ? "an unknown time" : Ages.human(oldest))));
        }
    }

    private static List<Diagnostic> certs(Proxy p, Resource pod, List<CertificateInfo> certs, Clock clock,
                                          Map<String, List<String>> roots) {
        List<Diagnostic> out = new ArrayList<>();
        for (CertificateInfo c : certs) {
            if (c.ca()) {
                roots.computeIfAbsent(c.serialNumber(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(p.pod().toString());
            }
            if (c.expiration() == null) {
                continue;
            }
            CertExpiry.Level level = CertExpiry.judge(c.validFrom(), c.expiration(), clock.instant());
            if (level == CertExpiry.Level.OK) {
                continue;
            }
            MessageType t = Catalog.type("CertificateExpiring");
            if (level == CertExpiry.Level.ERROR) {
                t = new MessageType(t.name(), t.code(), Level.ERROR, t.template());
            }
            Duration left = Duration.between(clock.instant(), c.expiration());
            out.add(new Diagnostic(t, pod, List.of(c.ca() ? "Root CA" : "Workload", c.serialNumber(), p.pod().toString(),
                    left.isNegative() ? "0s (expired)" : Ages.human(left))));
        }
        return out;
    }

    private static List<Diagnostic> warming(Proxy p, Resource pod, String dumpBody) {
        List<Diagnostic> out = new ArrayList<>();
        var dump = ConfigDumpParser.parse(dumpBody, ParseOptions.only(Section.SECRETS).withRaw(false));
        dump.secrets().stream().filter(s -> "WARMING".equals(s.state())).forEach(s ->
                out.add(new Diagnostic(Catalog.type("SecretWarming"), pod, List.of(p.pod().toString(), s.name()))));
        return out;
    }
}
