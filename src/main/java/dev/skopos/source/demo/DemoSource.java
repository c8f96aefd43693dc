package dev.skopos.source.demo;

import dev.skopos.source.ClusterObjects;
import dev.skopos.source.EnvoyAdmin;
import dev.skopos.source.IstiodDebug;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.LogStreams;
import dev.skopos.source.MeshSource;
import dev.skopos.source.PortForwards;
import dev.skopos.source.SourceInfo;
import dev.skopos.source.SynczAnswer;
import dev.skopos.source.demo.certs.DemoPki;
import dev.skopos.source.demo.envoy.ProxyConfigs;
import dev.skopos.source.demo.kube.KubeObjects;
import dev.skopos.source.demo.scenario.DemoScenario;
import dev.skopos.source.demo.scenario.Mesh;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated Istio 1.27 mesh that reproduces the incidents of PRODUCT.md without a cluster (see
 * {@link DemoScenario} for which pod shows what). Every time is relative to the clock given, so a
 * fixed clock gives byte-identical answers. Kubernetes objects, Envoy answers and certificates are
 * generated on first request and cached.
 */
public final class DemoSource implements MeshSource {

    /** The simulated API server's version: a supported one, so the demo's findings are its incidents. */
    public static final String KUBERNETES_VERSION = "v1.33.2";

    private final Mesh mesh;
    private final DemoObjects objects;
    private final DemoEnvoyAdmin envoy;
    private final DemoIstiodDebug istiod;
    private final DemoLogStreams logs;
    private final DemoPortForwards forwards;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService httpExecutor;
    private volatile DemoPki pki;

    public DemoSource(Clock clock) {
        this(clock, DemoScenario.standard());
    }

    public DemoSource(Clock clock, DemoScenario scenario) {
        this.mesh = new Mesh(scenario, clock.instant());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("skopos-demo-logs"));
        this.httpExecutor = Executors.newCachedThreadPool(daemon("skopos-demo-forward"));
        ProxyConfigs configs = new ProxyConfigs(mesh, this::pki);
        this.objects = new DemoObjects(() -> KubeObjects.build(mesh));
        this.envoy = new DemoEnvoyAdmin(configs);
        this.istiod = new DemoIstiodDebug(mesh, configs, envoy);
        this.logs = new DemoLogStreams(mesh, clock, scheduler);
        this.forwards = new DemoPortForwards(this, httpExecutor);
    }

    @Override
    public CompletableFuture<String> kubernetesVersion() {
        return CompletableFuture.completedFuture(KUBERNETES_VERSION);
    }

    public static DemoSource create() {
        return new DemoSource(Clock.systemUTC());
    }

    /** The scenario placed in time, for tests and for later generators (findings, snapshots). */
    public Mesh mesh() {
        return mesh;
    }

    /** The certificate authority, created on first use (key generation is the slowest part of the demo). */
    public DemoPki pki() {
        DemoPki p = pki;
        if (p == null) {
            synchronized (this) {
                if (pki == null) {
                    pki = new DemoPki(mesh.now());
                }
                p = pki;
            }
        }
        return p;
    }

    /** istiod's sync report in the pre-1.22 HTTP {@code /debug/syncz} format (same states as {@link IstiodDebug#syncz}). */
    public CompletableFuture<SynczAnswer> synczHttp(IstiodInstance instance) {
        return istiod.synczHttp(instance);
    }

    @Override
    public SourceInfo info() {
        return new SourceInfo(SourceInfo.Kind.DEMO, List.of("demo"), "built-in demo mesh",
                List.of(mesh.scenario().istioVersion()));
    }

    @Override
    public ClusterObjects objects() {
        return objects;
    }

    @Override
    public EnvoyAdmin envoy() {
        return envoy;
    }

    @Override
    public IstiodDebug istiod() {
        return istiod;
    }

    @Override
    public LogStreams logs() {
        return logs;
    }

    @Override
    public PortForwards portForwards() {
        return forwards;
    }

    @Override
    public void close() {
        forwards.closeAll();
        scheduler.shutdownNow();
        httpExecutor.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
