package dev.skopos.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.config.KeymapLoader;
import dev.skopos.config.ThemeLoader;
import dev.skopos.source.ConnectingSource;
import dev.skopos.source.MeshSource;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import dev.skopos.source.demo.DemoSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The first frame before any cluster answers, then :ctx switching: last request wins, failures lose nothing. */
class ContextSwitchTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private final ExecutorService background = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    /** Contexts a, b and broken; each open can be held back by a gate, and every source is remembered. */
    static final class FakeContexts implements ContextSwitcher {
        final Map<String, CompletableFuture<Void>> gates = new ConcurrentHashMap<>();
        final List<List<String>> opened = new CopyOnWriteArrayList<>();
        final List<LabelledSource> sources = new CopyOnWriteArrayList<>();

        @Override
        public List<KubeContext> available() {
            return List.of(new KubeContext("a", "cluster-a", "alice", ""),
                    new KubeContext("b", "cluster-b", "bob", "team-b"),
                    new KubeContext("broken", "gone", "carol", ""));
        }

        @Override
        public MeshSource open(List<String> contexts) {
            opened.add(contexts);
            String name = String.join(",", contexts);
            gates.getOrDefault(name, CompletableFuture.completedFuture(null)).join();
            if (name.contains("broken")) {
                throw new SourceException(SourceException.Reason.UNREACHABLE, "dial tcp 10.0.0.9:443: connection refused");
            }
            LabelledSource s = new LabelledSource(DemoSource.create(), name);
            sources.add(s);
            return s;
        }

        LabelledSource source(String name) {
            return sources.stream().filter(s -> s.info().label().equals(name)).findFirst().orElseThrow();
        }
    }

    private Pilot start(FakeContexts contexts, MeshSource first, List<String> connect) {
        ShellSettings settings = new ShellSettings(first, KeymapLoader.defaults(), ThemeLoader.defaults(), CLOCK,
                background, false, Scope.ALL, "0.0.0-test", contexts, connect);
        return new Pilot(settings, 120, 40);
    }

    @Test
    void theFirstFrameSaysItIsConnectingAndTheClusterFollows() {
        FakeContexts contexts = new FakeContexts();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        contexts.gates.put("a", gate);
        Pilot pilot = start(contexts, new ConnectingSource(List.of("a"), CLOCK.instant()), List.of("a"));

        String first = pilot.text();
        assertThat(first).contains("ctx a").contains("connecting to context a… 0s").contains("connecting to a…");
        assertThat(first).doesNotContain("STALE");

        gate.complete(null);
        pilot.until(t -> t.contains("productpage-v1"), "the proxies of context a");
        assertThat(pilot.text()).contains("ctx a").doesNotContain("connecting");
        assertThat(pilot.shell().connectionFailure()).isNull();
    }

    @Test
    void aFailedFirstConnectionSaysWhyAndAnotherContextCanBePicked() {
        FakeContexts contexts = new FakeContexts();
        Pilot pilot = start(contexts, new ConnectingSource(List.of("broken"), CLOCK.instant()), List.of("broken"));
        pilot.until(t -> t.contains("cannot connect to context broken: dial tcp"), "the failure banner");
        assertThat(pilot.text()).contains("cannot connect to broken: dial tcp 10.0.0.9:443: connection refused");
        assertThat(pilot.shell().connectionFailure()).contains("connection refused");

        pilot.type(":ctx b\n");
        pilot.until(t -> t.contains("productpage-v1") && t.contains("ctx b"), "context b");
        assertThat(pilot.shell().connectionFailure()).isNull();
        assertThat(pilot.text()).doesNotContain("cannot connect");
    }

    @Test
    void switchingClosesThePreviousContextAfterUndoingWhatSkoposChangedThere() {
        FakeContexts contexts = new FakeContexts();
        LabelledSource a = new LabelledSource(DemoSource.create(), "a");
        Pilot pilot = start(contexts, a, null);
        pilot.until(t -> t.contains("productpage-v1"), "context a");
        AtomicInteger undone = new AtomicInteger();
        pilot.shell().reverts().register("istiod x scope ads", "info", () -> {
            undone.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });
        pilot.type("/reviews\n");

        pilot.type(":ctx b\n");
        pilot.until(t -> t.contains("ctx b") && t.contains("productpage-v1"), "context b");
        pilot.until(t -> a.closes.get() == 1, "the old context closed");
        assertThat(undone).hasValue(1);
        assertThat(pilot.shell().reverts().pending()).isEmpty();
        assertThat(pilot.text()).as("a fresh proxies view: the filter of the old context is gone")
                .doesNotContain("</reviews>");
        assertThat(pilot.shell().source()).isSameAs(contexts.source("b"));
    }

    @Test
    void aFailedSwitchKeepsWhatTheUserHad() {
        FakeContexts contexts = new FakeContexts();
        LabelledSource a = new LabelledSource(DemoSource.create(), "a");
        Pilot pilot = start(contexts, a, null);
        pilot.until(t -> t.contains("productpage-v1"), "context a");

        pilot.type(":ctx broken\n");
        pilot.until(t -> t.contains("cannot connect to broken: dial tcp"), "the failure flash");
        assertThat(pilot.text()).contains("ctx a").contains("productpage-v1");
        assertThat(pilot.shell().source()).isSameAs(a);
        assertThat(a.closes).hasValue(0);

        pilot.type(":ctx nope\n");
        assertThat(pilot.text()).contains("no context 'nope' in the kubeconfig");
        assertThat(contexts.opened).containsExactly(List.of("broken"));
    }

    @Test
    void theLastRequestWinsAndALateSourceIsClosedUnseen() throws Exception {
        FakeContexts contexts = new FakeContexts();
        CompletableFuture<Void> slowA = new CompletableFuture<>();
        contexts.gates.put("a", slowA);
        Pilot pilot = start(contexts, new ConnectingSource(List.of("a"), CLOCK.instant()), List.of("a"));
        pilot.type(":ctx b\n");
        pilot.until(t -> t.contains("ctx b") && t.contains("productpage-v1"), "context b");

        slowA.complete(null);
        pilot.until(t -> contexts.sources.size() == 2, "the slow open of a");
        LabelledSource late = contexts.source("a");
        pilot.until(t -> late.closes.get() == 1, "the late source closed");
        assertThat(pilot.text()).contains("ctx b");
        assertThat(pilot.shell().source()).isSameAs(contexts.source("b"));
    }

    @Test
    void theContextsViewListsTheKubeconfigAndMarksSeveralForOneView() {
        FakeContexts contexts = new FakeContexts();
        Pilot pilot = start(contexts, new LabelledSource(DemoSource.create(), "a"), null);
        pilot.type(":ctx\n");
        String text = pilot.text();
        assertThat(text).contains("CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE");
        assertThat(pilot.line("cluster-a")).matches(".*\\*\\s+a\\s+cluster-a\\s+alice.*");
        assertThat(pilot.line("cluster-b")).contains("team-b");

        pilot.type(" "); // mark a
        pilot.type("j ");  // mark b
        assertThat(pilot.text()).contains("<marked a,b>");
        pilot.type("\n");
        pilot.until(t -> !contexts.opened.isEmpty(), "the open");
        assertThat(contexts.opened).containsExactly(List.of("a", "b"));
    }

    @Test
    void anApiServerThatNeverAnsweredSaysSoWhereTheRowsWouldBe() {
        MeshSource unreachable = new LabelledSource(DemoSource.create(), "nowhere") {
            @Override
            public dev.skopos.source.ClusterObjects objects() {
                return new dev.skopos.source.ClusterObjects() {
                    @Override
                    public List<dev.skopos.source.KubeObject> list(dev.skopos.source.ResourceKind kind, Scope scope) {
                        return List.of();
                    }

                    @Override
                    public List<dev.skopos.source.ResourceKind> servedKinds() {
                        return List.of();
                    }

                    @Override
                    public dev.skopos.source.Subscription onChange(Runnable listener) {
                        return () -> { };
                    }
                };
            }

            @Override
            public String staleness(Instant now) {
                return "pods: API server unreachable: Connection refused, data from 3s ago";
            }
        };
        Pilot pilot = start(new FakeContexts(), unreachable, null);
        pilot.until(t -> t.contains("proxies(all)[0]"), "the empty list");
        assertThat(pilot.text()).contains("STALE: pods: API server unreachable")
                .contains("nothing listed yet: pods: API server unreachable: Connection refused");
    }

    @Test
    void theDemoHasNoContextsToSwitchTo() {
        Pilot pilot = new Pilot(DemoSource.create(), CLOCK, 120, 40, false);
        pilot.type(":ctx b\n");
        assertThat(pilot.text()).contains("no kube contexts to switch to: this is demo");
    }
}
