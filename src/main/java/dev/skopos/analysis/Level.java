package dev.skopos.analysis;

/** How bad a finding is; ordered so thresholds compare naturally (INFO < WARNING < ERROR). */
public enum Level {
    INFO("Info"), WARNING("Warning"), ERROR("Error");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    /** The word istioctl prints: Info, Warning, Error. */
    public String label() {
        return label;
    }

    /** Parses istioctl's spelling, case-insensitively; null for anything else. */
    public static Level parse(String text) {
        for (Level l : values()) {
            if (l.label.equalsIgnoreCase(text) || l.name().equalsIgnoreCase(text)) {
                return l;
            }
        }
        return null;
    }
}
