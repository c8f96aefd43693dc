package dev.skopos.tui;

import dev.skopos.source.MeshSource;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The real shell on a virtual 120x40 terminal over any source, on the wall clock, turned by the
 * caller: a user looking at the screen without a terminal. For measuring what a session costs
 * the cluster (tests in this package and the benchmarks outside it); closes the source.
 */
public final class HeadlessTui implements AutoCloseable {

    private final MeshSource source;
    private final Pilot pilot;

    public HeadlessTui(MeshSource source) {
        this.source = source;
        this.pilot = new Pilot(source, Clock.systemUTC(), 120, 40, true);
    }

    /** Turns the loop until the screen satisfies the condition; false if it did not by the timeout. */
    public boolean turnUntil(Predicate<String> screen, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!screen.test(pilot.text())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pilot.settle();
        }
        return true;
    }

    /** Turns the loop for this long, as an open screen does: views tick, poll and redraw. */
    public void turnFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            pilot.settle();
        }
    }

    /** Types keys ({@code \n} is enter, {@code \u001b} esc), letting each land. */
    public void type(String keys) {
        pilot.type(keys);
    }

    public String screen() {
        return pilot.text();
    }

    @Override
    public void close() {
        source.close();
    }
}
