package dev.skopos.tui;

import dev.skopos.config.Action;
import dev.skopos.istiod.TypeSync;
import dev.skopos.mesh.Proxy;
import dev.skopos.mesh.ProxyFeed;
import dev.skopos.render.Row;
import dev.skopos.render.Span;
import dev.skopos.render.StyledLine;
import dev.skopos.render.SyncTable;
import dev.skopos.render.Tone;
import dev.skopos.source.PodRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code x}: xDS sync of every proxy in scope (or one), per subscribed type, rejected and stale
 * first. The selected row's full NACK text is shown under the table, wrapped, so the error Envoy
 * sent back is read whole without another key.
 */
final class SyncView extends TableView {

    private static final int DETAIL_LINES = 4;

    private final PodRef only;
    private List<Proxy> proxies = List.of();
    private boolean inFlight;

    /** @param only one proxy's rows, or null for every proxy in scope */
    SyncView(PodRef only) {
        this.only = only;
    }

    @Override
    public String crumb() {
        return only == null ? "sync" : "sync " + only.name();
    }

    @Override
    public List<Canvas.TitlePart> title() {
        return tableTitle("sync", only == null ? null : only.proxyId());
    }

    @Override
    public Set<Action> actions() {
        Set<Action> actions = EnumSet.copyOf(super.actions());
        actions.remove(Action.SORT_AGE);
        actions.add(Action.DRILL);
        actions.add(Action.DIFF);
        return actions;
    }

    @Override
    public String hint(Action action) {
        return action == Action.DRILL ? "summary" : action == Action.DIFF ? "istiod-vs-envoy" : super.hint(action);
    }

    @Override
    public PodRef proxyInContext() {
        return selectedProxy().map(Proxy::pod).orElse(only);
    }

    @Override
    public void shown(Shell shell) {
        if (!loaded()) {
            refresh(shell);
        }
    }

    private long lastLoad = System.nanoTime();

    /** Sync state moves without any object changing: poll istiod like the proxies view does. */
    @Override
    public void tick(Shell shell) {
        if (System.nanoTime() - lastLoad > ProxiesView.POLL_NANOS) {
            refresh(shell);
        }
    }

    @Override
    public void refresh(Shell shell) {
        if (inFlight) {
            return;
        }
        inFlight = true;
        lastLoad = System.nanoTime();
        shell.await(new ProxyFeed(shell.source(), shell.settings().background()).load(shell.scope()), list -> {
            inFlight = false;
            proxies = only == null ? list.proxies()
                    : list.proxies().stream().filter(p -> p.pod().equals(only)).toList();
            setTable(SyncTable.of(proxies, shell.clock().instant()));
        }, error -> {
            inFlight = false;
            setLoadError("cannot read sync state: " + error);
        });
    }

    private Optional<Proxy> selectedProxy() {
        Row row = selectedRow();
        if (row == null) {
            return Optional.empty();
        }
        String id = row.id().substring(0, row.id().indexOf('|'));
        return proxies.stream().filter(p -> p.pod().toString().equals(id)).findFirst();
    }

    private Optional<TypeSync> selectedType() {
        Row row = selectedRow();
        Optional<Proxy> proxy = selectedProxy();
        if (row == null || proxy.isEmpty() || proxy.get().sync() == null) {
            return Optional.empty();
        }
        String typeUrl = row.id().substring(row.id().indexOf('|') + 1);
        return proxy.get().sync().types().stream().filter(t -> t.typeUrl().equals(typeUrl)).findFirst();
    }

    @Override
    public boolean handle(Action action, Shell shell) {
        if (super.handle(action, shell)) {
            return true;
        }
        Optional<Proxy> proxy = selectedProxy();
        if (proxy.isEmpty()) {
            return false;
        }
        switch (action) {
            case DRILL -> shell.push(new ProxySummaryView(proxy.get()));
            case DIFF -> DiffViews.istiodVsEnvoy(shell, proxy.get());
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public void render(Canvas canvas, Rect area) {
        Optional<TypeSync> type = selectedType();
        String error = type.map(TypeSync::errorDetails).orElse(null);
        if (error == null || area.height() < DETAIL_LINES + 6) {
            super.render(canvas, area);
            return;
        }
        Rect table = new Rect(area.x(), area.y(), area.width(), area.height() - DETAIL_LINES - 1);
        super.render(canvas, table);
        int y = table.y() + table.height();
        canvas.fill(area.x(), y, area.width(), "border");
        canvas.text(area.x() + 1, y, area.width() - 2, "── rejected by Envoy ", "tone.error");
        List<StyledLine> lines = LineWrap.wrap(List.of(new StyledLine(List.of(
                new Span(type.get().shortName() + ": ", Tone.LABEL), new Span(error, Tone.ERROR)), 2)),
                area.width() - 2);
        List<StyledLine> shown = new ArrayList<>(lines.subList(0, Math.min(DETAIL_LINES, lines.size())));
        for (int i = 0; i < shown.size(); i++) {
            canvas.line(area.x() + 1, y + 1 + i, area.width() - 2, shown.get(i), "text");
        }
    }
}
