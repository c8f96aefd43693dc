package dev.skopos.tui;

import dev.skopos.config.Action;
import dev.skopos.mesh.Proxy;
import dev.skopos.mesh.ProxyFeed;
import dev.skopos.mesh.ProxyList;
import dev.skopos.render.ProxiesTable;
import dev.skopos.render.Row;
import dev.skopos.mesh.WorkloadReplicas;
import dev.skopos.source.KubeObject;
import dev.skopos.source.PodRef;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.SourceException;
import dev.skopos.source.Subscription;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The landing view: every Envoy proxy in scope with its pod state and xDS sync state. */
final class ProxiesView extends TableView {

    /** Sync state changes without any object changing, so the view also polls istiod. */
    static final long POLL_NANOS = 15_000_000_000L;

    private List<Proxy> proxies = List.of();
    private boolean inFlight;
    private boolean again;
    private long lastLoad;
    private Subscription changes;
    private String scopeLabel = "all";

    @Override
    public String crumb() {
        return "proxies";
    }

    @Override
    public List<Canvas.TitlePart> title() {
        return tableTitle("proxies", scopeLabel);
    }

    @Override
    public Set<Action> actions() {
        Set<Action> actions = EnumSet.copyOf(super.actions());
        actions.addAll(EnumSet.of(Action.DRILL, Action.YAML, Action.LOG_LEVEL));
        actions.addAll(ConfigSections.SECTION_ACTIONS);
        actions.addAll(EnumSet.of(Action.SYNC, Action.DIFF, Action.MARK, Action.COMPARE, Action.ISTIOD,
                Action.FINDINGS));
        return actions;
    }

    @Override
    public String hint(Action action) {
        return action == Action.DRILL ? "summary" : action.id();
    }

    @Override
    public void shown(Shell shell) {
        this.shell = shell;
        if (changes == null) {
            changes = shell.source().objects().onChange(() -> shell.post(() -> refresh(shell)));
        }
        refresh(shell);
    }

    @Override
    public void closed() {
        if (changes != null) {
            changes.close();
            changes = null;
        }
    }

    @Override
    public void tick(Shell shell) {
        if (System.nanoTime() - lastLoad > POLL_NANOS) {
            refresh(shell);
        }
    }

    /** Loads in the background; a refresh asked for while one runs is coalesced into one more. */
    @Override
    public void refresh(Shell shell) {
        if (shell.source() instanceof dev.skopos.source.ConnectingSource connecting) {
            if (connecting.failure() != null) {
                setLoadError("cannot connect to " + connecting.info().label() + ": " + connecting.failure());
            } else {
                setWaiting("connecting to " + connecting.info().label() + "…");
            }
            return; // nothing to list until the shell swaps the cluster in
        }
        if (inFlight) {
            again = true;
            return;
        }
        inFlight = true;
        lastLoad = System.nanoTime();
        scopeLabel = shell.scope().label();
        ProxyFeed feed = new ProxyFeed(shell.source(), shell.settings().background());
        shell.await(feed.load(shell.scope()), list -> {
            loaded(shell, list);
            finish(shell);
        }, error -> {
            setLoadError("cannot list proxies: " + error);
            shell.flash("cannot list proxies: " + error, true);
            finish(shell);
        });
    }

    private void finish(Shell shell) {
        inFlight = false;
        if (again) {
            again = false;
            refresh(shell);
        }
    }

    private void loaded(Shell shell, ProxyList list) {
        if (!shell.findings().loaded() && !shell.findings().running()) {
            shell.findings().refresh(shell);
        }
        proxies = list.proxies();
        setTable(ProxiesTable.of(proxies, shell.clock().instant(), shell.scope().isAll()));
        shell.setStats(new Shell.HeaderStats(proxies.size(), (int) list.faultyCount(), list.versions()));
        if (!list.problems().isEmpty()) {
            shell.flash(String.join("; ", list.problems()), true);
        }
    }

    /** An API server that never answered leaves nothing to list: say so where the rows would be. */
    @Override
    protected String emptyMessage() {
        String stale = shell == null ? "" : shell.source().staleness(shell.clock().instant());
        return stale.isEmpty() ? "no proxies in " + scopeLabel : "nothing listed yet: " + stale;
    }

    @Override
    public dev.skopos.source.PodRef proxyInContext() {
        Proxy proxy = selectedProxy();
        return proxy == null ? null : proxy.pod();
    }

    private PodRef marked;
    private Shell shell;

    /** The worst findings under the table, so an incident's cause is visible without a key. */
    @Override
    public void render(Canvas canvas, Rect area) {
        java.util.List<dev.skopos.analysis.Diagnostic> worst = shell == null ? java.util.List.of()
                : shell.findings().worst(Math.min(4, Math.max(0, area.height() - 10)));
        if (worst.isEmpty()) {
            super.render(canvas, area);
            return;
        }
        int strip = worst.size() + 1;
        super.render(canvas, new Rect(area.x(), area.y(), area.width(), area.height() - strip));
        int y = area.y() + area.height() - strip;
        String key = shell.settings().keymap().primaryKeyLabel(Action.FINDINGS);
        canvas.text(area.x() + 1, y, area.width() - 2, "FINDINGS " + dev.skopos.render.FindingsTable.counts(
                shell.findings().all()) + (key == null ? "" : "  (" + key + ": all findings, Enter there explains)"), "title");
        for (dev.skopos.analysis.Diagnostic d : worst) {
            y++;
            String slot = d.level() == dev.skopos.analysis.Level.ERROR ? "tone.error" : "tone.warn";
            int used = canvas.text(area.x() + 1, y, area.width() - 2, d.level().label() + " " + d.code() + " ", slot);
            canvas.text(area.x() + 1 + used, y, area.width() - 2 - used, (d.resource() == null ? ""
                    : d.resource().display() + ": ") + d.message(), "text");
        }
    }

    /** shift-d: the marked proxy against the selected one; unmarked, another replica of the same workload. */
    private void compare(Shell shell, Proxy selected) {
        PodRef other = marked != null && !marked.equals(selected.pod()) ? marked : sibling(shell, selected);
        if (other == null) {
            shell.flash("no other replica of " + selected.pod().name() + "'s workload; mark one with "
                    + shell.settings().keymap().primaryKeyLabel(Action.MARK) + " to compare any two", true);
            return;
        }
        DiffViews.replicas(shell, other, selected.pod());
    }

    /** Another proxy of the selected one's workload (same Deployment), or null. */
    private PodRef sibling(Shell shell, Proxy selected) {
        List<KubeObject> pods;
        try {
            pods = shell.source().objects().list(ResourceKind.POD, shell.scope());
        } catch (SourceException e) {
            return null;
        }
        return WorkloadReplicas.containing(WorkloadReplicas.group(proxies, pods), selected.pod())
                // A replica in the same cluster shares its istiod: a difference is then a missed push.
                .flatMap(g -> g.proxies().stream().filter(p -> !p.pod().equals(selected.pod()))
                        .min(java.util.Comparator.comparing(p -> !p.pod().cluster().equals(selected.pod().cluster()))))
                .map(Proxy::pod).orElse(null);
    }

    private Proxy selectedProxy() {
        Row row = selectedRow();
        if (row == null) {
            return null;
        }
        return proxies.stream().filter(p -> p.pod().toString().equals(row.id())).findFirst().orElse(null);
    }

    @Override
    public boolean handle(Action action, Shell shell) {
        if (super.handle(action, shell)) {
            return true;
        }
        Proxy proxy = selectedProxy();
        if (proxy == null && action != Action.SYNC && (action == Action.DRILL || action == Action.YAML
                || action == Action.LOG_LEVEL || action == Action.DIFF || action == Action.MARK
                || action == Action.COMPARE || ConfigSections.SECTION_ACTIONS.contains(action))) {
            shell.flash("no proxy selected", true);
            return true;
        }
        if (ConfigSections.SECTION_ACTIONS.contains(action)) {
            shell.push(ConfigSections.open(action, proxy.pod()));
            return true;
        }
        switch (action) {
            case SYNC -> shell.push(new SyncView(null));
            case DIFF -> DiffViews.istiodVsEnvoy(shell, proxy);
            case MARK -> {
                marked = proxy.pod().equals(marked) ? null : proxy.pod();
                shell.flash(marked == null ? "unmarked" : "marked " + marked + "; select another proxy and press "
                        + shell.settings().keymap().primaryKeyLabel(Action.COMPARE) + " to compare", false);
            }
            case COMPARE -> compare(shell, proxy);
            case DRILL -> shell.push(new ProxySummaryView(proxy));
            case YAML -> ObjectView.openPod(shell, proxy.pod());
            case LOG_LEVEL -> LogLevelAction.cycle(shell, proxy.pod(), null);
            default -> {
                return false;
            }
        }
        return true;
    }
}
