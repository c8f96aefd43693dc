package dev.skopos.source;

import java.util.List;

/**
 * What the header says about where data comes from: "demo", a snapshot file, or the kube
 * contexts being watched, plus the cluster's Istio control-plane versions when known.
 */
public record SourceInfo(Kind kind, List<String> contexts, String description, List<String> istioVersions) {

    public enum Kind { LIVE, SNAPSHOT, DEMO }

    public SourceInfo {
        contexts = List.copyOf(contexts);
        istioVersions = List.copyOf(istioVersions);
    }

    /** The short label for the header's context slot. */
    public String label() {
        return switch (kind) {
            case DEMO -> "demo";
            case SNAPSHOT -> "snapshot " + description;
            case LIVE -> String.join(",", contexts);
        };
    }
}
