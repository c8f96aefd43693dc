package dev.skopos.tui;

import dev.skopos.config.Action;
import dev.skopos.envoy.config.BootstrapInfo;
import dev.skopos.render.JsonLines;
import dev.skopos.render.Span;
import dev.skopos.render.StyledLine;
import dev.skopos.render.Tone;
import dev.skopos.source.PodRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The proxy's bootstrap: node identity, versions and metadata first, then the JSON. */
final class BootstrapView extends TextView {

    private final PodRef pod;
    private boolean loaded;

    BootstrapView(PodRef pod) {
        super("bootstrap", "bootstrap " + pod.proxyId(), List.of(StyledLine.plain(" loading…")));
        this.pod = pod;
    }

    @Override
    public PodRef proxyInContext() {
        return pod;
    }

    @Override
    public void shown(Shell shell) {
        if (!loaded) {
            load(shell, false);
        }
    }

    @Override
    public void refresh(Shell shell) {
        load(shell, true);
    }

    private void load(Shell shell, boolean reload) {
        shell.await(shell.envoyConfigs().dump(pod, reload), dump -> {
            loaded = true;
            setLines(dump.bootstrap() == null
                    ? List.of(StyledLine.plain(" the config dump has no bootstrap section"))
                    : lines(dump.bootstrap()));
        }, error -> setLines(List.of(new StyledLine(List.of(
                new Span(" cannot read the bootstrap of " + pod + ": " + error, Tone.ERROR))))));
    }

    static List<StyledLine> lines(BootstrapInfo b) {
        List<StyledLine> out = new ArrayList<>();
        out.add(row("Node", b.nodeId()));
        out.add(row("Cluster", b.cluster()));
        out.add(row("Istio", b.istioVersion() + (b.istioProxySha().isEmpty() ? "" : "  (proxy " + b.istioProxySha() + ")")));
        out.add(row("Envoy", b.envoyVersion()));
        out.add(StyledLine.EMPTY);
        out.add(StyledLine.of(new Span("METADATA", Tone.HEADING)));
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(b.metadata()).entrySet()) {
            out.add(row(e.getKey(), e.getValue()));
        }
        if (b.raw() != null) {
            out.add(StyledLine.EMPTY);
            out.add(StyledLine.of(new Span("BOOTSTRAP (json)", Tone.HEADING)));
            out.addAll(JsonLines.of(b.raw()));
        }
        return out;
    }

    private static StyledLine row(String label, String value) {
        String pad = label.length() >= 24 ? label + " " : label + " ".repeat(24 - label.length());
        return new StyledLine(List.of(new Span(" " + pad, Tone.LABEL), Span.of(value == null || value.isEmpty() ? "-" : value)),
                26);
    }

    @Override
    public Set<Action> actions() {
        Set<Action> actions = EnumSet.copyOf(super.actions());
        actions.addAll(ConfigSections.SECTION_ACTIONS);
        return actions;
    }

    @Override
    public boolean handle(Action action, Shell shell) {
        if (ConfigSections.SECTION_ACTIONS.contains(action)) {
            shell.push(ConfigSections.open(action, pod));
            return true;
        }
        return super.handle(action, shell);
    }
}
