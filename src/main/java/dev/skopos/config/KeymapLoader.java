package dev.skopos.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads keymaps: the built-in {@code keymaps/default.yaml}, then a user keymap (a file path or the
 * name of a shipped or XDG-config keymap) that rebinds some action ids. Errors are
 * {@link ConfigException}s naming the file and the entry.
 */
public final class KeymapLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KeymapLoader() {
    }

    public static Keymap defaults() {
        return load(null, null);
    }

    /**
     * @param nameOrPath null for the default; else a path, or a name looked up in the XDG config
     *                   dir's {@code keymaps/} and then among the shipped keymaps
     */
    public static Keymap load(String nameOrPath, XdgPaths paths) {
        Map<Action, List<KeyChord>> bindings = new EnumMap<>(Action.class);
        apply(bindings, readResource("keymaps/default.yaml"), "keymaps/default.yaml");
        String name = "default";
        if (nameOrPath != null && !nameOrPath.isBlank() && !nameOrPath.equals("default")) {
            Located located = locate(nameOrPath, paths);
            apply(bindings, located.tree(), located.where());
            name = nameOrPath;
        }
        try {
            return new Keymap(name, bindings);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("keymap " + name + ": " + e.getMessage());
        }
    }

    private record Located(JsonNode tree, String where) {}

    private static Located locate(String nameOrPath, XdgPaths paths) {
        Path asPath = Path.of(nameOrPath);
        if (Files.isRegularFile(asPath)) {
            return new Located(readFile(asPath), asPath.toString());
        }
        if (paths != null) {
            Path user = paths.configDir().resolve("keymaps").resolve(nameOrPath + ".yaml");
            if (Files.isRegularFile(user)) {
                return new Located(readFile(user), user.toString());
            }
        }
        String resource = "keymaps/" + nameOrPath + ".yaml";
        if (KeymapLoader.class.getClassLoader().getResource(resource) != null) {
            return new Located(readResource(resource), resource);
        }
        throw new ConfigException("keymap '" + nameOrPath + "' not found (not a file, not in "
                + (paths == null ? "" : paths.configDir().resolve("keymaps") + ", not ") + "a shipped keymap)");
    }

    private static void apply(Map<Action, List<KeyChord>> bindings, JsonNode tree, String where) {
        JsonNode section = tree == null ? null : tree.get("bindings");
        if (section == null || !section.isObject()) {
            throw new ConfigException(where + ": expected a 'bindings' map of action id to keys");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Action action = Action.byId(entry.getKey());
            if (action == null) {
                throw new ConfigException(where + ": unknown action '" + entry.getKey() + "'");
            }
            List<KeyChord> keys = new ArrayList<>();
            JsonNode value = entry.getValue();
            List<JsonNode> items = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(items::add);
            } else if (!value.isNull()) {
                items.add(value);
            }
            for (JsonNode item : items) {
                try {
                    keys.add(KeyChord.parse(item.asText()));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(where + ": action '" + action.id() + "': " + e.getMessage());
                }
            }
            bindings.put(action, keys);
        }
    }

    private static JsonNode readFile(Path path) {
        try {
            return YAML.readTree(path.toFile());
        } catch (IOException e) {
            throw new ConfigException(path + ": " + ConfigException.firstLine(e));
        }
    }

    static JsonNode readResource(String resource) {
        try (InputStream in = KeymapLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException("missing built-in " + resource);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new ConfigException(resource + ": " + ConfigException.firstLine(e));
        }
    }
}
