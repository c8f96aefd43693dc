package dev.skopos.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads themes: the built-in default first, then a named or file theme on top, so a user theme
 * only lists what it changes. Unknown slots and colours are errors naming the file and slot.
 */
public final class ThemeLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> ANSI = Set.of("black", "red", "green", "yellow", "blue", "magenta", "cyan",
            "white", "default");
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private ThemeLoader() {
    }

    public static Theme defaults() {
        return load(null, null);
    }

    public static Theme load(String nameOrPath, XdgPaths paths) {
        Map<String, Theme.Style> styles = new HashMap<>();
        apply(styles, KeymapLoader.readResource("themes/default.yaml"), "themes/default.yaml");
        String name = "default";
        if (nameOrPath != null && !nameOrPath.isBlank() && !nameOrPath.equals("default")) {
            name = nameOrPath;
            Path asPath = Path.of(nameOrPath);
            Path user = paths == null ? null : paths.configDir().resolve("themes").resolve(nameOrPath + ".yaml");
            String resource = "themes/" + nameOrPath + ".yaml";
            if (Files.isRegularFile(asPath)) {
                apply(styles, read(asPath), asPath.toString());
            } else if (user != null && Files.isRegularFile(user)) {
                apply(styles, read(user), user.toString());
            } else if (ThemeLoader.class.getClassLoader().getResource(resource) != null) {
                apply(styles, KeymapLoader.readResource(resource), resource);
            } else {
                throw new ConfigException("theme '" + nameOrPath + "' not found (not a file, not in "
                        + (user == null ? "" : user.getParent() + ", not ") + "a shipped theme)");
            }
        }
        return new Theme(name, styles);
    }

    private static void apply(Map<String, Theme.Style> styles, JsonNode tree, String where) {
        JsonNode section = tree == null ? null : tree.get("styles");
        if (section == null || !section.isObject()) {
            throw new ConfigException(where + ": expected a 'styles' map of slot to {fg, bg, bold, reverse}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!Theme.SLOTS.contains(e.getKey())) {
                throw new ConfigException(where + ": unknown style slot '" + e.getKey() + "'");
            }
            JsonNode s = e.getValue();
            styles.put(e.getKey(), new Theme.Style(
                    colour(s.get("fg"), where, e.getKey()), colour(s.get("bg"), where, e.getKey()),
                    s.path("bold").asBoolean(false), s.path("reverse").asBoolean(false)));
        }
    }

    private static String colour(JsonNode node, String where, String slot) {
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.asText().toLowerCase(Locale.ROOT);
        String base = value.startsWith("bright_") ? value.substring(7) : value;
        if (ANSI.contains(base) || HEX.matcher(value).matches()) {
            return value;
        }
        throw new ConfigException(where + ": slot '" + slot + "': unknown colour '" + node.asText() + "'");
    }

    private static JsonNode read(Path path) {
        try {
            return YAML.readTree(path.toFile());
        } catch (IOException e) {
            throw new ConfigException(path + ": " + ConfigException.firstLine(e));
        }
    }
}
