package dev.skopos.source;

import java.util.List;

/**
 * What the header says about where data comes from: "demo", a snapshot file, or the kube
 * contexts being watched, plus the cluster's Istio control-plane versions when known.
 */
public record SourceInfo(Kind kind, List<String> contexts, String description, List<String> istioVersions) {

    /** CONNECTING: a placeholder while the kube client is built and the first answers come in. */
    public enum Kind { LIVE, SNAPSHOT, DEMO, CONNECTING }

    public SourceInfo {
        contexts = List.copyOf(contexts);
        istioVersions = List.copyOf(istioVersions);
    }

    /** The short label for the header's context slot. */
    public String label() {
        return switch (kind) {
            case DEMO -> "demo";
            case SNAPSHOT -> "snapshot " + description;
            case LIVE, CONNECTING -> String.join(",", contexts);
        };
    }
}
