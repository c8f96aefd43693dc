package dev.skopos.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.mesh.ConfigDiff;
import dev.skopos.mesh.ConfigDiff.Change;
import dev.skopos.mesh.ConfigDiff.FieldChange;
import dev.skopos.mesh.ConfigDiff.Kind;
import dev.skopos.mesh.ConfigDiff.ResourceDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link ConfigDiff} as lines for a text pane: a summary, then per resource one line (red when
 * only A has it, green when only B has it, yellow when both differ) and its changed fields, each
 * {@code path: A's value → B's value}. Long values are cut so a line stays readable; {@code y} on
 * the resource shows the whole JSON.
 */
public final class ConfigDiffLines {

    static final int MAX_VALUE = 72;
    static final String ABSENT = "(absent)";
    private static final String FIELD_INDENT = "    ";

    private ConfigDiffLines() {
    }

    public static List<StyledLine> lines(ConfigDiff diff) {
        List<StyledLine> out = new ArrayList<>();
        out.add(summary(diff));
        if (diff.isEmpty()) {
            return out;
        }
        out.add(StyledLine.EMPTY);
        for (ResourceDiff r : diff.resources()) {
            out.add(resourceLine(diff, r));
            for (FieldChange f : r.fields()) {
                out.add(new StyledLine.Builder()
                        .add(FIELD_INDENT)
                        .add(f.path() + ": ", Tone.LABEL)
                        .add(value(f.a()), f.a() == null ? Tone.DIM : Tone.NORMAL)
                        .add(" → ", Tone.DIM)
                        .add(value(f.b()), f.b() == null ? Tone.DIM : Tone.NORMAL)
                        .build().withHangingIndent(FIELD_INDENT.length() * 2));
            }
        }
        return out;
    }

    private static StyledLine summary(ConfigDiff diff) {
        String kinds = diff.compared().stream().map(k -> k.word() + "s").collect(Collectors.joining(", "));
        String head = diff.labelA() + " vs " + diff.labelB() + ": ";
        if (diff.compared().isEmpty()) {
            return new StyledLine.Builder().add(head, Tone.HEADING)
                    .add("nothing to compare (no clusters, listeners or routes in both)", Tone.DIM).build();
        }
        if (diff.isEmpty()) {
            return new StyledLine.Builder().add(head, Tone.HEADING).add(kinds + " match", Tone.OK).build();
        }
        return new StyledLine.Builder().add(head, Tone.HEADING)
                .add(diff.count(Change.MISSING) + " missing in " + diff.labelB(), Tone.ERROR).add(", ")
                .add(diff.count(Change.EXTRA) + " only in " + diff.labelB(), Tone.OK).add(", ")
                .add(diff.count(Change.CHANGED) + " changed", Tone.WARN)
                .add(" (" + kinds + ")", Tone.DIM).build();
    }

    private static StyledLine resourceLine(ConfigDiff diff, ResourceDiff r) {
        String what = r.kind().word() + " " + r.name();
        return switch (r.change()) {
            case MISSING -> new StyledLine.Builder().add("- " + what, Tone.ERROR)
                    .add("  only in " + diff.labelA() + ", missing in " + diff.labelB(), Tone.DIM).build();
            case EXTRA -> new StyledLine.Builder().add("+ " + what, Tone.OK)
                    .add("  only in " + diff.labelB() + ", not in " + diff.labelA(), Tone.DIM).build();
            case CHANGED -> new StyledLine.Builder().add("~ " + what, Tone.WARN)
                    .add("  " + r.fields().size() + (r.fields().size() == 1 ? " field differs" : " fields differ"),
                            Tone.DIM).build();
        };
    }

    /** Compact JSON (strings quoted, so "100" and 100 differ visibly), cut at {@link #MAX_VALUE}. */
    static String value(JsonNode node) {
        if (node == null) {
            return ABSENT;
        }
        String text = node.toString();
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE - 1) + "…" : text;
    }

    /** Lines for one kind only, e.g. a clusters tab of the diff view. */
    public static List<StyledLine> lines(ConfigDiff diff, Kind kind) {
        return lines(new ConfigDiff(diff.labelA(), diff.labelB(), List.of(kind), diff.of(kind)));
    }
}
