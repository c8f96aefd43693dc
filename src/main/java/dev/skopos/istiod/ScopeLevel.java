package dev.skopos.istiod;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An istiod log scope's level, the values ControlZ and {@code istioctl admin log --level} accept
 * (istioctl validates with {@code ^[\w\- ]+:(none|error|warn|info|debug)}).
 */
public enum ScopeLevel {
    NONE, ERROR, WARN, INFO, DEBUG;

    /** The word ControlZ uses. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a requested level; anything else fails with a one-line message listing the valid ones. */
    public static ScopeLevel parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ScopeLevel l : values()) {
            if (l.wire().equals(t)) {
                return l;
            }
        }
        throw new IllegalArgumentException("invalid istiod log level '" + text + "', expected one of "
                + Arrays.stream(values()).map(ScopeLevel::wire).collect(Collectors.joining(", ")));
    }
}
