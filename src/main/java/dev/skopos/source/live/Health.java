package dev.skopos.source.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How fresh the cluster data is, for a banner ("API server unreachable, data from 2m ago"). While
 * every watch is open the data is current; once one breaks, {@code disconnectedSince} says from
 * when the cached objects date.
 *
 * @param connected         every started informer holds an open watch (forbidden kinds count as fine)
 * @param disconnectedSince the earliest moment a watch was seen broken; null while connected
 * @param lastEventAt       the last add, update or delete any informer delivered; null before any
 * @param lastError         the last failure, one line; null when there never was one
 * @param lastErrorAt       when it happened
 */
public record Health(boolean connected, Instant disconnectedSince, Instant lastEventAt, String lastError,
                     Instant lastErrorAt) {

    /** Nothing started yet: nothing can be stale. */
    static final Health IDLE = new Health(true, null, null, null, null);

    /** How old the data is at {@code now}: zero while connected. */
    public Duration age(Instant now) {
        return connected || disconnectedSince == null ? Duration.ZERO : Duration.between(disconnectedSince, now);
    }

    /**
     * A watch that ends without an error (the API server closes watches every few minutes) is
     * re-opened within moments: only one still down after this long is worth a banner.
     */
    static final Duration QUIET_RECONNECT = Duration.ofSeconds(3);

    /** The banner text, or empty while connected: "API server unreachable: ..., data from 2m ago". */
    public String banner(Instant now) {
        if (connected || (lastError == null && age(now).compareTo(QUIET_RECONNECT) < 0)) {
            return "";
        }
        return reason() + ", data from " + ago(age(now)) + " ago";
    }

    /** Why the watches are down, without when: the last failure, else that they are reconnecting. */
    public String reason() {
        return lastError == null ? "watch lost, reconnecting" : lastError;
    }

    static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m";
        }
        return s / 3600 + "h";
    }

    /** The worst of several kinds: disconnected if any is, from the earliest break, with the newest error. */
    static Health combine(List<Health> parts) {
        Health out = IDLE;
        for (Health h : parts) {
            boolean connected = out.connected && h.connected;
            Instant since = earliest(out.disconnectedSince, h.disconnectedSince);
            Instant event = latest(out.lastEventAt, h.lastEventAt);
            boolean newerError = h.lastErrorAt != null && (out.lastErrorAt == null || h.lastErrorAt.isAfter(out.lastErrorAt));
            out = new Health(connected, since, event, newerError ? h.lastError : out.lastError,
                    newerError ? h.lastErrorAt : out.lastErrorAt);
        }
        return out;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
