package dev.skopos.tui;

import dev.skopos.config.Action;
import dev.skopos.render.Cell;
import dev.skopos.render.Column;
import dev.skopos.render.Row;
import dev.skopos.render.RowFilter;
import dev.skopos.render.Table;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A sortable, filterable table with a selection that follows its row across refreshes. Rows are
 * windowed here, never handed to a widget, so large tables stay fast.
 */
abstract class TableView implements View {

    private Table all = new Table(List.of(), List.of());
    private Table shown = all;
    private RowFilter filter = RowFilter.NONE;
    private boolean faultyOnly;
    private String sortColumn;
    private boolean descending;
    private String selectedId;
    private int selected;
    private int top;
    private int lastPage = 10;
    private String loadError;
    private String waiting = "loading…";
    private boolean loaded;

    /** Replaces the rows (a refresh); keeps sort, filter and the selected row. */
    protected void setTable(Table table) {
        all = table;
        loaded = true;
        loadError = null;
        recompute();
    }

    protected void setLoadError(String error) {
        loadError = error;
    }

    /** What an empty table says; views that know why they are empty say that instead. */
    protected String emptyMessage() {
        return "nothing here";
    }

    /** What shows instead of "loading…" before the first rows (e.g. "connecting to …"). */
    protected void setWaiting(String text) {
        waiting = text;
    }

    protected boolean loaded() {
        return loaded;
    }

    protected int totalRows() {
        return all.rows().size();
    }

    protected int shownRows() {
        return shown.rows().size();
    }

    protected boolean faultyOnly() {
        return faultyOnly;
    }

    protected void sortBy(String column, boolean desc) {
        sortColumn = column;
        descending = desc;
        recompute();
    }

    /** The selected row, or null when the table is empty. */
    protected Row selectedRow() {
        return shown.rows().isEmpty() ? null : shown.rows().get(selected);
    }

    private void recompute() {
        Table t = all.filtered(filter, faultyOnly);
        shown = sortColumn == null ? t : t.sorted(sortColumn, descending);
        selected = 0;
        if (selectedId != null) {
            for (int i = 0; i < shown.rows().size(); i++) {
                if (shown.rows().get(i).id().equals(selectedId)) {
                    selected = i;
                    break;
                }
            }
        }
        remember();
    }

    private void remember() {
        selectedId = shown.rows().isEmpty() ? selectedId : shown.rows().get(selected).id();
    }

    @Override
    public RowFilter filter() {
        return filter;
    }

    @Override
    public void setFilter(RowFilter filter) {
        this.filter = filter;
        recompute();
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.of(Action.UP, Action.DOWN, Action.PAGE_UP, Action.PAGE_DOWN, Action.TOP, Action.BOTTOM,
                Action.FAULTY, Action.SORT_NAME, Action.SORT_AGE, Action.SORT_STATUS, Action.SORT_SYNC,
                Action.SORT_NEXT, Action.SORT_PREV);
    }

    @Override
    public int pageSize() {
        return lastPage;
    }

    @Override
    public boolean handle(Action action, Shell shell) {
        int n = shown.rows().size();
        switch (action) {
            case UP -> move(-1);
            case DOWN -> move(1);
            case PAGE_UP -> move(-lastPage);
            case PAGE_DOWN -> move(lastPage);
            case TOP -> move(-n);
            case BOTTOM -> move(n);
            case FAULTY -> {
                faultyOnly = !faultyOnly;
                recompute();
                shell.flash(faultyOnly ? "showing faulty proxies only" : "showing all", false);
            }
            case SORT_NAME -> toggleSort("NAME", shell);
            case SORT_AGE -> toggleSort("AGE", shell);
            case SORT_STATUS -> toggleSort("STATUS", shell);
            case SORT_SYNC -> toggleSort("SYNC", shell);
            case SORT_NEXT -> stepSort(1);
            case SORT_PREV -> stepSort(-1);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void move(int delta) {
        int n = shown.rows().size();
        if (n == 0) {
            return;
        }
        selected = Math.max(0, Math.min(n - 1, selected + delta));
        remember();
    }

    /** k9s habit: the same sort key twice reverses the order. */
    private void toggleSort(String column, Shell shell) {
        if (all.columnIndex(column) < 0) {
            shell.flash("no " + column + " column here", true);
            return;
        }
        sortBy(column, column.equals(sortColumn) && !descending);
    }

    private void stepSort(int step) {
        List<Column> cols = all.columns();
        if (cols.isEmpty()) {
            return;
        }
        int current = sortColumn == null ? -1 : all.columnIndex(sortColumn);
        int next = Math.floorMod(current + step, cols.size());
        sortBy(cols.get(next).name(), false);
    }

    /** Title parts common to tables: {@code name(scope)[shown/total]} and the filter. */
    protected List<Canvas.TitlePart> tableTitle(String name, String scope) {
        List<Canvas.TitlePart> parts = new ArrayList<>();
        parts.add(new Canvas.TitlePart(" " + name, "title"));
        if (scope != null) {
            parts.add(new Canvas.TitlePart("(" + scope + ")", "title.filter"));
        }
        String count = shown.rows().size() == all.rows().size()
                ? "[" + all.rows().size() + "]" : "[" + shown.rows().size() + "/" + all.rows().size() + "]";
        parts.add(new Canvas.TitlePart(count, "title"));
        if (filter.active()) {
            parts.add(new Canvas.TitlePart(" </" + filter.spec() + ">", "title.filter"));
        }
        if (faultyOnly) {
            parts.add(new Canvas.TitlePart(" <faulty>", "title.filter"));
        }
        parts.add(new Canvas.TitlePart(" ", "title"));
        return parts;
    }

    @Override
    public void render(Canvas canvas, Rect area) {
        lastPage = Math.max(1, area.height() - 1);
        if (!loaded) {
            canvas.text(area.x() + 1, area.y() + 1, area.width() - 2,
                    loadError != null ? loadError : waiting, loadError != null ? "flash.error" : "tone.dim");
            return;
        }
        int[] widths = TableLayout.widths(shown, area.width() - 2);
        drawHeader(canvas, area, widths);
        List<Row> rows = shown.rows();
        int visible = Math.max(0, area.height() - 1);
        if (selected < top) {
            top = selected;
        } else if (selected >= top + visible) {
            top = selected - visible + 1;
        }
        top = Math.max(0, Math.min(top, Math.max(0, rows.size() - visible)));
        for (int i = 0; i < visible && top + i < rows.size(); i++) {
            int index = top + i;
            drawRow(canvas, area.x(), area.y() + 1 + i, area.width(), widths, rows.get(index), index == selected);
        }
        if (rows.isEmpty()) {
            String why = loadError != null ? loadError
                    : all.rows().isEmpty() ? emptyMessage() : "no rows match (esc clears the filter)";
            canvas.text(area.x() + 1, area.y() + 2, area.width() - 2, why,
                    loadError != null ? "flash.error" : "tone.dim");
        }
    }

    private void drawHeader(Canvas canvas, Rect area, int[] widths) {
        int x = area.x() + 1;
        List<Column> cols = shown.columns();
        for (int c = 0; c < cols.size(); c++) {
            if (widths[c] == 0) {
                continue;
            }
            String name = cols.get(c).name();
            if (name.equals(sortColumn)) {
                name += descending ? "↓" : "↑";
            }
            int pad = cols.get(c).numeric() ? Math.max(0, widths[c] - Canvas.width(name)) : 0;
            canvas.text(x + pad, area.y(), widths[c], name, "table.header");
            x += widths[c] + TableLayout.GAP;
        }
    }

    private void drawRow(Canvas canvas, int x0, int y, int width, int[] widths, Row row, boolean isSelected) {
        if (isSelected) {
            canvas.fill(x0, y, width, "row.selected");
        }
        int x = x0 + 1;
        for (int c = 0; c < row.cells().size() && c < widths.length; c++) {
            if (widths[c] == 0) {
                continue;
            }
            Cell cell = row.cells().get(c);
            Column column = shown.columns().get(c);
            String text = column.keepEnd() ? Canvas.fitEnd(cell.text(), widths[c]) : Canvas.fit(cell.text(), widths[c]);
            boolean right = column.numeric();
            int pad = right ? widths[c] - Canvas.width(text) : 0;
            String slot = isSelected ? "row.selected" : Palette.slot(cell.tone());
            canvas.text(x + pad, y, widths[c], text, slot);
            for (int[] span : filter.highlights(text)) {
                canvas.text(x + pad + Canvas.width(text.substring(0, span[0])), y, span[1] - span[0],
                        text.substring(span[0], span[1]), "match");
            }
            x += widths[c] + TableLayout.GAP;
        }
    }
}
