package dev.skopos.source.demo;

import dev.skopos.source.LogStreams;
import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import dev.skopos.source.Subscription;
import dev.skopos.source.demo.logs.LogLines;
import dev.skopos.source.demo.scenario.DemoPod;
import dev.skopos.source.demo.scenario.Mesh;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Live tails: replays {@code tail} past lines, then emits one line every 0.5-2 s on the demo's scheduler. */
final class DemoLogStreams implements LogStreams {

    private final Mesh mesh;
    private final LogLines lines;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    DemoLogStreams(Mesh mesh, Clock clock, ScheduledExecutorService scheduler) {
        this.mesh = mesh;
        this.lines = new LogLines(mesh);
        this.clock = clock;
        this.scheduler = scheduler;
    }

    @Override
    public Subscription follow(PodRef ref, String container, int tailLines, Consumer<String> onLine,
                               Consumer<SourceException> onEnd) {
        DemoPod pod = mesh.pod(ref).orElse(null);
        SourceException missing = pod == null
                ? new SourceException(SourceException.Reason.NOT_FOUND, "pod " + ref.namespace() + "/" + ref.name() + " not found")
                : !containers(pod).contains(container)
                ? new SourceException(SourceException.Reason.NOT_FOUND, "container " + container + " is not valid for pod " + ref.name())
                : null;
        if (missing != null) {
            scheduler.execute(() -> onEnd.accept(missing));
            return () -> { };
        }
        AtomicBoolean open = new AtomicBoolean(true);
        AtomicLong next = new AtomicLong(1000);
        AtomicReference<ScheduledFuture<?>> pending = new AtomicReference<>();
        Runnable[] emit = new Runnable[1];
        emit[0] = () -> {
            if (!open.get()) {
                return;
            }
            long n = next.getAndIncrement();
            onLine.accept(lines.line(pod, container, n, clock.instant()));
            long delay = 500 + Math.floorMod((pod.name() + n).hashCode(), 1500);
            pending.set(scheduler.schedule(emit[0], delay, TimeUnit.MILLISECONDS));
        };
        scheduler.execute(() -> {
            int tail = Math.max(0, Math.min(tailLines, 1000));
            for (int i = tail; i > 0 && open.get(); i--) {
                onLine.accept(lines.line(pod, container, 1000 - i, clock.instant().minus(Duration.ofMillis(1200L * i))));
            }
            pending.set(scheduler.schedule(emit[0], 500, TimeUnit.MILLISECONDS));
        });
        return () -> {
            open.set(false);
            ScheduledFuture<?> f = pending.get();
            if (f != null) {
                f.cancel(false);
            }
        };
    }

    private static Set<String> containers(DemoPod pod) {
        String app = pod.workload().app().equals("istiod") ? "discovery" : pod.workload().app();
        if (pod.gateway()) {
            return Set.of("istio-proxy");
        }
        return pod.hasProxy() ? Set.of(app, "istio-proxy") : Set.of(app);
    }
}
