package dev.skopos.analysis.networking;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Istio's {@code exportTo} visibility: absent or containing {@code *} means every namespace,
 * {@code .} means the object's own namespace, anything else names a namespace.
 */
public final class ExportTo {

    /** The scope meaning "all namespaces". */
    public static final String ALL = "*";
    /** The scope meaning "the object's own namespace". */
    public static final String LOCAL = ".";

    private ExportTo() {
    }

    /** The exportTo list of a spec ({@code spec.exportTo}); empty when absent. */
    public static List<String> of(JsonNode spec) {
        List<String> out = new ArrayList<>();
        spec.path("exportTo").forEach(e -> out.add(e.asText()));
        return out;
    }

    /** Whether the list exports to every namespace (empty, or containing {@code *}). */
    public static boolean isAll(List<String> exportTo) {
        return exportTo.isEmpty() || exportTo.contains(ALL);
    }

    /**
     * The namespaces that can see an object: {@code {*}} when exported to all, else the listed
     * namespaces with {@code .} replaced by the object's own namespace.
     */
    public static Set<String> scopes(List<String> exportTo, String ownNamespace) {
        Set<String> out = new LinkedHashSet<>();
        if (isAll(exportTo)) {
            out.add(ALL);
            return out;
        }
        for (String e : exportTo) {
            out.add(e.equals(LOCAL) ? ownNamespace : e);
        }
        return out;
    }
}
