package dev.skopos.tui;

import dev.skopos.config.Action;
import dev.skopos.mesh.Proxy;
import dev.skopos.mesh.ProxySummaryLoader;
import dev.skopos.render.ProxySummaryLines;
import dev.skopos.render.StyledLine;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Enter on a proxy: server_info, log levels, config counts, certificates and warnings. */
final class ProxySummaryView extends TextView {

    private final Proxy proxy;
    private boolean inFlight;

    ProxySummaryView(Proxy proxy) {
        super(proxy.pod().name(), "summary " + proxy.pod().proxyId(), List.of(StyledLine.plain(" loading…")));
        this.proxy = proxy;
    }

    @Override
    public dev.skopos.source.PodRef proxyInContext() {
        return proxy.pod();
    }

    @Override
    public void shown(Shell shell) {
        refresh(shell);
    }

    @Override
    public void refresh(Shell shell) {
        if (inFlight) {
            return;
        }
        inFlight = true;
        ProxySummaryLoader loader = new ProxySummaryLoader(shell.source(), shell.clock());
        shell.await(loader.load(proxy), summary -> {
            inFlight = false;
            java.util.List<StyledLine> lines = new java.util.ArrayList<>(
                    ProxySummaryLines.of(summary, shell.clock().instant()));
            lines.add(StyledLine.EMPTY);
            lines.addAll(ObjectFindings.lines(ObjectFindings.aboutProxy(shell, proxy.pod()),
                    shell.settings().keymap().primaryKeyLabel(Action.FINDINGS)));
            setLines(lines);
        }, error -> {
            inFlight = false;
            setLines(List.of(StyledLine.plain(" cannot load the summary: " + error)));
        });
    }

    @Override
    public Set<Action> actions() {
        Set<Action> actions = EnumSet.copyOf(super.actions());
        actions.addAll(EnumSet.of(Action.YAML, Action.LOG_LEVEL, Action.SYNC, Action.DIFF));
        actions.addAll(ConfigSections.SECTION_ACTIONS);
        return actions;
    }

    @Override
    public boolean handle(Action action, Shell shell) {
        if (super.handle(action, shell)) {
            return true;
        }
        if (ConfigSections.SECTION_ACTIONS.contains(action)) {
            shell.push(ConfigSections.open(action, proxy.pod()));
            return true;
        }
        switch (action) {
            case YAML -> ObjectView.openPod(shell, proxy.pod());
            case SYNC -> shell.push(new SyncView(proxy.pod()));
            case DIFF -> DiffViews.istiodVsEnvoy(shell, proxy);
            case LOG_LEVEL -> LogLevelAction.cycle(shell, proxy.pod(), () -> refresh(shell));
            default -> {
                return false;
            }
        }
        return true;
    }
}
