package dev.skopos.tui;

import dev.skopos.config.Action;
import dev.skopos.render.RowFilter;
import java.util.List;
import java.util.Set;

/** One pane on the view stack: the proxies table, a proxy summary, help, a YAML viewer. */
interface View {

    /** The breadcrumb: {@code proxies}, a pod name, {@code help}. */
    String crumb();

    /** The box title parts, e.g. {@code proxies(all)[14]}. */
    List<Canvas.TitlePart> title();

    void render(Canvas canvas, Rect area);

    /** Handles a view-level action; false lets the shell report it does nothing here. */
    boolean handle(Action action, Shell shell);

    /** View-level actions, for the hint bar and help (global ones are always there). */
    Set<Action> actions();

    /** The hint bar's word for an action here ({@code enter} means "summary" on proxies). */
    default String hint(Action action) {
        return action.id();
    }

    RowFilter filter();

    void setFilter(RowFilter filter);

    /** Called when the view becomes visible (pushed or returned to): start loading. */
    default void shown(Shell shell) {
    }

    /** Reload now (ctrl-r, or the source said something changed). */
    default void refresh(Shell shell) {
    }

    /** Called every second or so on the GUI thread, for views that poll. */
    default void tick(Shell shell) {
    }

    /** Called when popped: stop tails and timers. */
    default void closed() {
    }

    /** The proxy this view is about (the selected one in a list), for section keys and commands. */
    default dev.skopos.source.PodRef proxyInContext() {
        return null;
    }

    /** Rows visible in the last render, for paging. */
    default int pageSize() {
        return 10;
    }
}
