package dev.skopos.envoy;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Envoy's active loggers and their levels, from {@code GET /logging}. */
public record LoggerLevels(Map<String, String> levels) {

    public LoggerLevels {
        levels = Collections.unmodifiableMap(new TreeMap<>(levels));
    }

    /** The level most loggers have (what {@code ?level=} last set), "-" when there are none. */
    public String dominantLevel() {
        return levels.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("-");
    }

    /** Loggers whose level differs from the dominant one, e.g. {@code {http=debug}}. */
    public Map<String, String> exceptions() {
        String dominant = dominantLevel();
        return levels.entrySet().stream()
                .filter(e -> !e.getValue().equals(dominant))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }
}
