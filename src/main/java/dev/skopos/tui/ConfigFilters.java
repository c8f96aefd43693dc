package dev.skopos.tui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * istioctl's proxy-config filter flags typed at the {@code :} prompt, so muscle memory carries
 * over: {@code :clusters --fqdn reviews --port 9080 --direction outbound}, {@code :listeners
 * --port 5000 --type TCP}, {@code :routes --name 9080}, {@code :endpoints --status unhealthy}.
 * An argument without a flag is the proxy ({@code POD[.NAMESPACE]}).
 */
record ConfigFilters(String pod, Map<String, String> flags) {

    static final ConfigFilters NONE = new ConfigFilters(null, Map.of());

    /** Flags each section accepts, as istioctl names them. */
    static final Map<String, List<String>> ACCEPTED = Map.of(
            "listeners", List.of("address", "port", "type"),
            "routes", List.of("name"),
            "clusters", List.of("fqdn", "port", "subset", "direction"),
            "endpoints", List.of("address", "port", "cluster", "status"),
            "secrets", List.of(),
            "bootstrap", List.of());

    /** Parses {@code [POD] [--flag value | --flag=value]...}; throws with a one-line message. */
    static ConfigFilters parse(String section, String args) {
        Map<String, String> flags = new HashMap<>();
        String pod = null;
        List<String> words = new ArrayList<>(List.of(args.trim().isEmpty() ? new String[0] : args.trim().split("\\s+")));
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--")) {
                String name = w.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < words.size()) {
                    value = words.get(++i);
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                if (!ACCEPTED.getOrDefault(section, List.of()).contains(name)) {
                    throw new IllegalArgumentException(section + " has no --" + name + " filter (it has "
                            + flagList(section) + ")");
                }
                if (name.equals("port") && !value.matches("\\d{1,5}")) {
                    throw new IllegalArgumentException("--port needs a number, not '" + value + "'");
                }
                flags.put(name, value);
            } else if (pod == null) {
                pod = w;
            } else {
                throw new IllegalArgumentException("unexpected '" + w + "'");
            }
        }
        return new ConfigFilters(pod, Map.copyOf(flags));
    }

    private static String flagList(String section) {
        List<String> names = ACCEPTED.getOrDefault(section, List.of());
        return names.isEmpty() ? "no filters" : String.join(", ", names.stream().map(n -> "--" + n).toList());
    }

    String get(String flag) {
        return flags.getOrDefault(flag, "");
    }

    int port() {
        String p = get("port");
        return p.isEmpty() ? 0 : Integer.parseInt(p);
    }

    String routeName() {
        String name = get("name");
        return name.isEmpty() ? null : name;
    }

    /** {@code --port 5000 --type TCP}, for titles; empty when no flags. */
    String label() {
        List<String> parts = new ArrayList<>();
        flags.forEach((k, v) -> parts.add("--" + k + " " + v));
        parts.sort(String::compareTo);
        return String.join(" ", parts);
    }
}
