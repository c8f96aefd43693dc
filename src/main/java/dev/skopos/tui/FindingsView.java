package dev.skopos.tui;

import dev.skopos.analysis.Diagnostic;
import dev.skopos.config.Action;
import dev.skopos.render.FindingsTable;
import dev.skopos.render.Row;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code a}: every finding of the mesh, errors first; Enter explains one. */
final class FindingsView extends TableView {

    private List<Diagnostic> shown = List.of();
    private List<String> problems = List.of();

    @Override
    public String crumb() {
        return "findings";
    }

    @Override
    public List<Canvas.TitlePart> title() {
        return tableTitle("findings", null);
    }

    @Override
    public Set<Action> actions() {
        Set<Action> actions = EnumSet.copyOf(super.actions());
        actions.removeAll(EnumSet.of(Action.SORT_AGE, Action.SORT_SYNC));
        actions.addAll(EnumSet.of(Action.DRILL, Action.YAML));
        return actions;
    }

    @Override
    public String hint(Action action) {
        return action == Action.DRILL ? "explain" : action == Action.FAULTY ? "errors+warnings" : super.hint(action);
    }

    @Override
    public void shown(Shell shell) {
        fill(shell);
        shell.findings().viewed(shell);
    }

    /** Called by the shell whenever a new analysis lands. */
    void fill(Shell shell) {
        FindingsState state = shell.findings();
        problems = state.problems();
        if (state.error() != null && !state.loaded()) {
            setLoadError("analysis failed: " + state.error());
            return;
        }
        if (state.loaded()) {
            shown = state.all();
            setTable(FindingsTable.of(shown));
        }
    }

    /**
     * A partial analysis says so on its last line, in one line (what could not be read and why,
     * e.g. "forbidden: needs list on configmaps"), so an empty or short list is never mistaken
     * for a clean mesh.
     */
    @Override
    public void render(Canvas canvas, Rect area) {
        if (problems.isEmpty() || area.height() < 4) {
            super.render(canvas, area);
            return;
        }
        super.render(canvas, new Rect(area.x(), area.y(), area.width(), area.height() - 1));
        canvas.text(area.x() + 1, area.y() + area.height() - 1, area.width() - 2,
                "partial analysis: " + String.join("; ", problems), "tone.warn");
    }

    @Override
    public void refresh(Shell shell) {
        shell.findings().refreshAll(shell);
    }

    private Diagnostic selected() {
        Row row = selectedRow();
        return row == null ? null : shown.get(Integer.parseInt(row.id()));
    }

    @Override
    public boolean handle(Action action, Shell shell) {
        if (super.handle(action, shell)) {
            return true;
        }
        Diagnostic d = selected();
        if (d == null) {
            return false;
        }
        switch (action) {
            case DRILL -> shell.push(new FindingView(d));
            case YAML -> FindingView.openResource(shell, d);
            default -> {
                return false;
            }
        }
        return true;
    }
}
