package dev.skopos.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where skopos keeps its files, per the XDG base directory spec: config (user keymaps, themes)
 * and state (the log file; the terminal belongs to the UI, so nothing is ever printed there).
 */
public record XdgPaths(Path configDir, Path stateDir) {

    public static XdgPaths fromEnvironment() {
        return from(System.getenv(), System.getProperty("user.home"));
    }

    static XdgPaths from(Map<String, String> env, String home) {
        Path config = base(env.get("XDG_CONFIG_HOME"), home, ".config").resolve("skopos");
        Path state = base(env.get("XDG_STATE_HOME"), home, ".local/state").resolve("skopos");
        return new XdgPaths(config, state);
    }

    /** XDG says relative values are invalid and must be ignored. */
    private static Path base(String value, String home, String fallback) {
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return Path.of(home == null ? "." : home).resolve(fallback);
    }

    public Path logFile() {
        return stateDir.resolve("skopos.log");
    }
}
