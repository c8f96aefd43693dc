package dev.skopos.tui;

import dev.skopos.config.Action;
import dev.skopos.mesh.IstiodOverview;
import dev.skopos.render.IstiodTable;
import dev.skopos.render.Row;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.SourceException;
import dev.skopos.source.Subscription;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code i}: istiod replicas with their load (unbalanced flagged), rejected pushes and convergence
 * times, and under the table the latest rejection lines from their logs, tailed live. Enter opens
 * a replica's log scopes (ControlZ).
 */
final class IstiodView extends TableView {

    private static final Pattern REJECTION = Pattern.compile("(?i)ACK ERROR|rejected|NACK");
    private static final int KEEP = 6;

    private IstiodOverview overview;
    private dev.skopos.istiod.VersionSkew skew;
    private final Deque<String> rejections = new ArrayDeque<>();
    private final List<Subscription> tails = new ArrayList<>();
    private boolean inFlight;

    @Override
    public String crumb() {
        return "istiod";
    }

    @Override
    public List<Canvas.TitlePart> title() {
        return tableTitle("istiod", null);
    }

    @Override
    public Set<Action> actions() {
        Set<Action> actions = EnumSet.of(Action.UP, Action.DOWN, Action.PAGE_UP, Action.PAGE_DOWN, Action.TOP,
                Action.BOTTOM, Action.DRILL, Action.SORT_NAME, Action.SORT_NEXT, Action.SORT_PREV);
        return actions;
    }

    @Override
    public String hint(Action action) {
        return action == Action.DRILL ? "log scopes" : super.hint(action);
    }

    @Override
    public void shown(Shell shell) {
        if (overview == null) {
            refresh(shell);
            tailLogs(shell);
        }
    }

    @Override
    public void closed() {
        tails.forEach(Subscription::close);
        tails.clear();
    }

    @Override
    public void refresh(Shell shell) {
        if (inFlight) {
            return;
        }
        inFlight = true;
        shell.await(IstiodOverview.load(shell.source(), shell.settings().background()), o -> {
            inFlight = false;
            overview = o;
            skew = dev.skopos.istiod.VersionSkew.of(shell.source().info().istioVersions(),
                    shell.stats().dataPlaneVersions());
            setTable(IstiodTable.of(o.replicas(), o.metrics(), o.errors(), o.load()));
        }, error -> {
            inFlight = false;
            setLoadError("cannot read istiod: " + error);
        });
    }

    /** istiod logs its NACKs ("ADS:LDS: ACK ERROR ..."); keep the last few from every replica. */
    private void tailLogs(Shell shell) {
        for (IstiodInstance i : shell.source().istiod().instances()) {
            try {
                tails.add(shell.source().logs().follow(i.pod(), "discovery", 500, line -> {
                    if (REJECTION.matcher(line).find()) {
                        shell.post(() -> remember(i.name(), line));
                    }
                }, end -> {
                    if (end != null) {
                        shell.post(() -> remember(i.name(), "log tail ended: " + end.getMessage()));
                    }
                }));
            } catch (SourceException e) {
                remember(i.name(), "logs unavailable: " + e.getMessage());
            }
        }
    }

    private void remember(String replica, String line) {
        rejections.addLast(replica + "  " + line.replace('\t', ' '));
        while (rejections.size() > KEEP) {
            rejections.removeFirst();
        }
    }

    @Override
    public boolean handle(Action action, Shell shell) {
        if (super.handle(action, shell)) {
            return true;
        }
        if (action != Action.DRILL) {
            return false;
        }
        Row row = selectedRow();
        if (overview == null || row == null) {
            shell.flash("still loading", true);
            return true;
        }
        overview.replicas().stream().filter(i -> i.name().equals(row.id())).findFirst()
                .ifPresent(i -> shell.push(new IstiodScopesView(i)));
        return true;
    }

    @Override
    public void render(Canvas canvas, Rect area) {
        int rows = overview == null ? 3 : overview.replicas().size() + 2;
        int tableHeight = Math.max(3, Math.min(rows, area.height() - 4));
        super.render(canvas, new Rect(area.x(), area.y(), area.width(), tableHeight));
        int y = area.y() + tableHeight + 1;
        int bottom = area.y() + area.height();
        if (overview != null && overview.load().unbalanced() && y < bottom) {
            canvas.text(area.x() + 1, y++, area.width() - 2, "unbalanced: " + overview.load().description(), "tone.warn");
        }
        if (skew != null && !skew.supported() && y < bottom) {
            canvas.text(area.x() + 1, y++, area.width() - 2, "version skew: " + skew.warning(), "tone.error");
        }
        if (y < bottom) {
            canvas.text(area.x() + 1, y++, area.width() - 2, "RECENT REJECTIONS (istiod logs, live)", "title");
        }
        if (rejections.isEmpty() && y < bottom) {
            canvas.text(area.x() + 1, y++, area.width() - 2, "none seen yet", "tone.dim");
        }
        for (String line : rejections) {
            if (y >= bottom) {
                break;
            }
            canvas.text(area.x() + 1, y++, area.width() - 2, line, "tone.error");
        }
    }
}
