package dev.skopos.mesh;

import dev.skopos.source.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kinds an analysis could not read, told in as few lines as the reasons allow: sources name
 * the kind inside their message ("forbidden: needs list on secrets at cluster scope; try -n
 * NAMESPACE"), so kinds failing for the same reason share a line ("... on configmaps, secrets at
 * cluster scope ..."), which keeps a restricted identity's note to one line on screen.
 */
final class UnreadKinds {

    /** A message split around the kind's plural; messages without it stand alone. */
    private record Reason(String before, String after) {}

    private final Map<Reason, List<String>> plurals = new LinkedHashMap<>();

    void add(ResourceKind kind, String message) {
        int at = message.indexOf(kind.plural());
        Reason reason = at < 0 ? new Reason(kind.plural() + ": " + message, "")
                : new Reason(message.substring(0, at), message.substring(at + kind.plural().length()));
        plurals.computeIfAbsent(reason, r -> new ArrayList<>()).add(at < 0 ? "" : kind.plural());
    }

    /** One line per distinct reason, kinds in the order they were added. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        plurals.forEach((reason, kinds) -> out.add(reason.before() + String.join(", ", kinds) + reason.after()));
        return out;
    }
}
