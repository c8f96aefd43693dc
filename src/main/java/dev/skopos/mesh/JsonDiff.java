package dev.skopos.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.mesh.ConfigDiff.FieldChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field-level differences between two JSON trees of one Envoy resource, as JSON paths. Arrays whose
 * elements all carry a distinct {@code name} (filter chains, virtual hosts, routes, HTTP filters,
 * weighted clusters) are matched by name, so one inserted virtual host is one difference rather
 * than every later index shifting; other arrays are compared by index.
 */
final class JsonDiff {

    /**
     * Keys never compared. {@code version_info} and {@code last_updated} always differ between
     * istiod and Envoy, and between two proxies; istioctl's {@code proxy-config} compare strips
     * them (istioctl/pkg/util/configdump: GetDynamic*Dump(stripVersions)). They sit on the dump's
     * wrapper rather than in the resource, but some dumps inline them.
     */
    private static final Set<String> IGNORED = Set.of("version_info", "last_updated");

    private final List<FieldChange> out = new ArrayList<>();

    private JsonDiff() {
    }

    /**
     * @param root the path's first segment, e.g. {@code cluster}. A top-level {@code @type} is
     *             skipped: istioctl normalises the resource's type URL before comparing, since
     *             istiod and Envoy may name the same message by different API versions.
     */
    static List<FieldChange> diff(String root, JsonNode a, JsonNode b) {
        JsonDiff d = new JsonDiff();
        d.compare(root, a, b, true);
        return List.copyOf(d.out);
    }

    private void compare(String path, JsonNode a, JsonNode b, boolean top) {
        if (a == null || a.isMissingNode() || b == null || b.isMissingNode()) {
            if (!absent(a) || !absent(b)) {
                out.add(new FieldChange(path, absent(a) ? null : a, absent(b) ? null : b));
            }
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                if (IGNORED.contains(key) || (top && key.equals("@type"))) {
                    continue;
                }
                compare(path + "." + key, a.get(key), b.get(key), false);
            }
        } else if (a.isArray() && b.isArray()) {
            Map<String, JsonNode> na = byName(a);
            Map<String, JsonNode> nb = byName(b);
            if (na != null && nb != null) {
                Set<String> names = new LinkedHashSet<>(na.keySet());
                names.addAll(nb.keySet());
                for (String name : names) {
                    compare(path + "[\"" + name + "\"]", na.get(name), nb.get(name), false);
                }
            } else {
                for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                    compare(path + "[" + i + "]", a.get(i), b.get(i), false);
                }
            }
        } else if (!same(a, b)) {
            out.add(new FieldChange(path, a, b));
        }
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isMissingNode();
    }

    /** 1024 parsed as an int and as a long are the same value; JsonNode.equals says otherwise. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /** Elements by name when every element is an object with a distinct, non-empty name; else null. */
    private static Map<String, JsonNode> byName(JsonNode array) {
        if (array.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            JsonNode e = it.next();
            String name = e.isObject() && e.path("name").isTextual() ? e.path("name").asText() : "";
            if (name.isEmpty() || !seen.add(name)) {
                return null;
            }
            out.put(name, e);
        }
        return out;
    }
}
