package dev.skopos.tui;

import dev.skopos.analysis.CheckDocs;
import dev.skopos.analysis.Diagnostic;
import dev.skopos.mesh.ProxyFeed;
import dev.skopos.mesh.explain.Evidence;
import dev.skopos.mesh.explain.Explainer;
import dev.skopos.mesh.explain.Explanation;
import dev.skopos.source.Scope;
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
    private boolean explained;
    private dev.skopos.source.PodRef evidenceProxy;

    FindingView(Diagnostic finding) {
        super(finding.code(), finding.code() + " " + finding.type().name(), lines(finding, null));
        this.finding = finding;
    }

    /** Reads the affected proxies' Envoy config in the background and shows the proof when it lands. */
    @Override
    public void shown(Shell shell) {
        if (explained || shell.findings().snapshot() == null || finding.resource() == null) {
            return;
        }
        explained = true;
        setLines(lines(finding, Explanation.none("reading Envoy's configuration of the affected proxies…")));
        var snapshot = shell.findings().snapshot();
        var work = new ProxyFeed(shell.source(), shell.settings().background()).load(Scope.ALL)
                .thenCompose(list -> new Explainer(snapshot, list.proxies(), pod -> shell.envoyConfigs().dump(pod, false))
                        .explain(finding));
        shell.await(work, e -> {
            evidenceProxy = firstProxy(e);
            setLines(lines(finding, e));
        },
                error -> setLines(lines(finding, Explanation.none("could not read the evidence: " + error))));
    }

    static List<StyledLine> lines(Diagnostic d, Explanation why) {
        List<StyledLine> out = new ArrayList<>();
        out.add(row("Severity", new Span(d.level().label(), FindingsTable.tone(d.level()))));
        out.add(row("Code", Span.of(d.code() + "  " + d.type().name())));
        out.add(row("Resource", Span.of(d.resource() == null ? "(the mesh)" : d.resource().display()
                + (d.resource().origin().isEmpty() ? "" : "  " + d.resource().origin()))));
        out.add(row("Message", Span.of(d.message())));
        CheckDocs.forCode(d.code()).ifPresent(doc -> {
            out.add(row("Meaning", Span.of(doc.description())));
            out.add(row("Fix", new Span(doc.fix(), Tone.OK)));
        });
        out.add(StyledLine.EMPTY);
        if (why != null) {
            out.add(StyledLine.of(new Span("WHY, FROM ENVOY'S CONFIGURATION", Tone.HEADING)));
            out.add(new StyledLine(List.of(Span.of(" " + why.conclusion())), 1));
            // What was found first (it is what a person reads), where it was read below, dimmed.
            for (Evidence e : why.evidence()) {
                out.add(new StyledLine(List.of(new Span(e.supports() ? " ✗ " : " ✓ ", e.supports() ? Tone.ERROR : Tone.OK),
                        new Span(e.source() + ": ", Tone.LABEL), Span.of(e.value())), 5));
                out.add(new StyledLine(List.of(new Span("     " + e.path(), Tone.DIM)), 5));
            }
            out.add(StyledLine.EMPTY);
        }
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

    /** The first proxy the evidence was read from ({@code pod.ns}), so 1-6 open its Envoy config. */
    private static dev.skopos.source.PodRef firstProxy(Explanation e) {
        for (Evidence ev : e.evidence()) {
            int dot = ev.source().indexOf('.');
            if (dot > 0 && !ev.source().contains(" ")) {
                return new dev.skopos.source.PodRef(ev.source().substring(dot + 1), ev.source().substring(0, dot));
            }
        }
        return null;
    }

    @Override
    public dev.skopos.source.PodRef proxyInContext() {
        return evidenceProxy;
    }

    @Override
    public String hint(Action action) {
        return action == Action.YAML ? "object yaml" : super.hint(action);
    }

    @Override
    public Set<Action> actions() {
        Set<Action> actions = EnumSet.copyOf(super.actions());
        actions.add(Action.YAML);
        if (evidenceProxy != null) {
            actions.addAll(ConfigSections.SECTION_ACTIONS);
        }
        return actions;
    }

    @Override
    public boolean handle(Action action, Shell shell) {
        if (action == Action.YAML) {
            openResource(shell, finding);
            return true;
        }
        if (ConfigSections.SECTION_ACTIONS.contains(action) && evidenceProxy != null) {
            // Jump from the evidence to the proxy it was read from: its listeners, clusters...
            shell.push(ConfigSections.open(action, evidenceProxy));
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
