package dev.skopos.tui;

import dev.skopos.analysis.Diagnostic;
import dev.skopos.config.Action;
import dev.skopos.render.FindingsTable;
import dev.skopos.render.Span;
import dev.skopos.render.StyledLine;
import dev.skopos.render.Tone;
import dev.skopos.render.YamlLines;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** One finding: what istioctl would say, the object it is about, and that object's YAML. */
final class FindingView extends TextView {

    private final Diagnostic finding;

    FindingView(Diagnostic finding) {
        super(finding.code(), finding.code() + " " + finding.type().name(), lines(finding));
        this.finding = finding;
    }

    static List<StyledLine> lines(Diagnostic d) {
        List<StyledLine> out = new ArrayList<>();
        out.add(row("Severity", new Span(d.level().label(), FindingsTable.tone(d.level()))));
        out.add(row("Code", Span.of(d.code() + "  " + d.type().name())));
        out.add(row("Resource", Span.of(d.resource() == null ? "(the mesh)" : d.resource().display()
                + (d.resource().origin().isEmpty() ? "" : "  " + d.resource().origin()))));
        out.add(row("Message", Span.of(d.message())));
        out.add(StyledLine.EMPTY);
        if (d.resource() != null) {
            out.add(StyledLine.of(new Span("OBJECT", Tone.HEADING)));
            out.addAll(YamlLines.of(d.resource().body()));
        }
        return out;
    }

    private static StyledLine row(String label, Span value) {
        return new StyledLine(List.of(new Span(" " + label + " ".repeat(Math.max(1, 11 - label.length())), Tone.LABEL),
                value), 12);
    }

    @Override
    public Set<Action> actions() {
        Set<Action> actions = EnumSet.copyOf(super.actions());
        actions.add(Action.YAML);
        return actions;
    }

    @Override
    public boolean handle(Action action, Shell shell) {
        if (action == Action.YAML) {
            openResource(shell, finding);
            return true;
        }
        return super.handle(action, shell);
    }

    static void openResource(Shell shell, Diagnostic d) {
        if (d.resource() == null) {
            shell.flash("this finding is about the whole mesh, not one object", true);
            return;
        }
        shell.push(new TextView(d.resource().name(), d.resource().display() + " (yaml)",
                YamlLines.of(d.resource().body())));
    }
}
