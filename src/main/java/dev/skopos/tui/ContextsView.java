package dev.skopos.tui;

import dev.skopos.config.Action;
import dev.skopos.render.Cell;
import dev.skopos.render.Column;
import dev.skopos.render.Row;
import dev.skopos.render.Table;
import dev.skopos.render.Tone;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code :ctx}: the kubeconfig's contexts in kubectl's {@code config get-contexts} columns, the
 * watched ones starred. Enter switches to the selected context, or to every marked one (space
 * marks) to watch a multi-primary mesh at once.
 */
final class ContextsView extends TableView {

    private final Set<String> marked = new LinkedHashSet<>();
    private List<ContextSwitcher.KubeContext> contexts = List.of();

    @Override
    public String crumb() {
        return "contexts";
    }

    @Override
    public List<Canvas.TitlePart> title() {
        List<Canvas.TitlePart> parts = new ArrayList<>(tableTitle("contexts", null));
        if (!marked.isEmpty()) {
            parts.add(parts.size() - 1, new Canvas.TitlePart(" <marked " + String.join(",", marked) + ">",
                    "title.filter"));
        }
        return parts;
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.of(Action.UP, Action.DOWN, Action.PAGE_UP, Action.PAGE_DOWN, Action.TOP, Action.BOTTOM,
                Action.SORT_NAME, Action.DRILL, Action.MARK);
    }

    @Override
    public String hint(Action action) {
        return switch (action) {
            case DRILL -> "switch";
            case MARK -> "mark (several clusters)";
            default -> super.hint(action);
        };
    }

    @Override
    public void shown(Shell shell) {
        refresh(shell);
    }

    @Override
    public void refresh(Shell shell) {
        ContextSwitcher switcher = shell.settings().contexts();
        if (switcher == null) {
            setLoadError("no kube contexts: this is " + shell.source().info().label());
            return;
        }
        contexts = switcher.available();
        if (contexts.isEmpty()) {
            setLoadError("no contexts in the kubeconfig");
            return;
        }
        fill(shell);
    }

    private void fill(Shell shell) {
        List<String> watched = shell.source().info().contexts();
        List<Row> rows = new ArrayList<>();
        for (ContextSwitcher.KubeContext c : contexts) {
            String current = (watched.contains(c.name()) ? "*" : "") + (marked.contains(c.name()) ? "+" : "");
            rows.add(new Row(c.name(), List.of(new Cell(current, Tone.OK), // blank, as kubectl leaves it
                    Cell.of(c.name(), marked.contains(c.name()) ? Tone.OK : Tone.NORMAL),
                    Cell.of(c.cluster()), Cell.of(c.user()), Cell.of(c.namespace())),
                    List.of(current, c.name(), c.cluster(), c.user(), c.namespace()), false));
        }
        setTable(new Table(List.of(Column.text("CURRENT"), Column.wide("NAME"), Column.text("CLUSTER"),
                Column.text("AUTHINFO"), Column.text("NAMESPACE")), rows));
    }

    @Override
    public boolean handle(Action action, Shell shell) {
        if (super.handle(action, shell)) {
            return true;
        }
        Row row = selectedRow();
        if (row == null) {
            return action == Action.DRILL || action == Action.MARK;
        }
        switch (action) {
            case MARK -> {
                if (!marked.remove(row.id())) {
                    marked.add(row.id());
                }
                fill(shell);
                shell.flash(marked.isEmpty() ? "nothing marked" : "marked " + String.join(",", marked)
                        + "; enter watches them together", false);
            }
            case DRILL -> shell.switchContexts(marked.isEmpty() ? List.of(row.id()) : List.copyOf(marked));
            default -> {
                return false;
            }
        }
        return true;
    }
}
