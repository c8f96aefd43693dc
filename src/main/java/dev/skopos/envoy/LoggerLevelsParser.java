package dev.skopos.envoy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Envoy's {@code GET /logging} text: {@code active loggers:} followed by indented
 * {@code name: level} lines. Envoy prefixes that list with usage lines when a request was wrong,
 * and fine-grained logging names loggers by source path, so only lines whose value is a known
 * level count.
 */
public final class LoggerLevelsParser {

    private static final String HEADER = "active loggers:";
    // Logger names are words, or source paths when fine-grain logging is on.
    private static final Pattern LOGGER_LINE = Pattern.compile("^\\s*([A-Za-z0-9_./\\-]+):\\s*([a-z]+)\\s*$");
    private static final Set<String> LEVELS =
            Set.of("trace", "debug", "info", "warning", "warn", "error", "critical", "off");

    private LoggerLevelsParser() {
    }

    /**
     * @throws EnvoyParseException when the text is empty or lists no logger at all (an HTML page
     *         or an error answer rather than the logger list)
     */
    public static LoggerLevels parse(String text) {
        if (text == null || text.isBlank()) {
            throw new EnvoyParseException("logging: empty answer");
        }
        boolean sawHeader = false;
        Map<String, String> levels = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.strip().equalsIgnoreCase(HEADER)) {
                // A second list (usage text repeats nothing, but be safe) replaces the first.
                sawHeader = true;
                levels.clear();
                continue;
            }
            Matcher m = LOGGER_LINE.matcher(line);
            if (m.matches() && LEVELS.contains(m.group(2))) {
                levels.put(m.group(1), m.group(2));
            }
        }
        if (!sawHeader && levels.isEmpty()) {
            throw new EnvoyParseException("logging: no 'active loggers:' list in the answer");
        }
        return new LoggerLevels(levels);
    }
}
