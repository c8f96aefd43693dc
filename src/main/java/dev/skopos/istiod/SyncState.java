package dev.skopos.istiod;

/**
 * The state of one xDS type for one proxy, as istioctl names it, plus ERROR for a push the proxy
 * rejected (NACK). Ordered from best to worst so the worst of several types is the max.
 */
public enum SyncState {
    SYNCED("SYNCED"),
    IGNORED("IGNORED"),
    NOT_SENT("NOT SENT"),
    STALE("STALE"),
    ERROR("ERROR");

    private final String label;

    SyncState(String label) {
        this.label = label;
    }

    /** The text istioctl prints. */
    public String label() {
        return label;
    }

    public boolean faulty() {
        return this == STALE || this == ERROR;
    }
}
