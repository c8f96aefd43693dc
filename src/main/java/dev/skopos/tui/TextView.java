package dev.skopos.tui;

import dev.skopos.config.Action;
import dev.skopos.render.RowFilter;
import dev.skopos.render.StyledLine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A scrollable pane of styled lines (summaries, help, YAML). The {@code /} filter highlights
 * matches and jumps to the first one instead of hiding lines, since context matters in text.
 */
class TextView implements View {

    private final String crumb;
    private final String titleText;
    private List<StyledLine> lines;
    private List<StyledLine> shown;
    private int shownWidth = -1;
    private RowFilter filter = RowFilter.NONE;
    private int top;
    private int lastPage = 10;

    TextView(String crumb, String title, List<StyledLine> lines) {
        this.crumb = crumb;
        this.titleText = title;
        this.lines = List.copyOf(lines);
    }

    protected void setLines(List<StyledLine> lines) {
        this.lines = List.copyOf(lines);
        shownWidth = -1;
        top = Math.min(top, Math.max(0, this.lines.size() - 1));
    }

    /** The lines as displayed: wrapped to the width of the last render. */
    private List<StyledLine> display() {
        return shown != null && shownWidth >= 0 ? shown : lines;
    }

    protected List<StyledLine> lines() {
        return lines;
    }

    @Override
    public String crumb() {
        return crumb;
    }

    @Override
    public List<Canvas.TitlePart> title() {
        List<Canvas.TitlePart> parts = new ArrayList<>();
        parts.add(new Canvas.TitlePart(" " + titleText, "title"));
        if (filter.active()) {
            long hits = display().stream().filter(l -> filter.matchesText(l.text())).count();
            parts.add(new Canvas.TitlePart(" </" + filter.spec() + "> " + hits + " lines", "title.filter"));
        }
        parts.add(new Canvas.TitlePart(" ", "title"));
        return parts;
    }

    @Override
    public boolean handle(Action action, Shell shell) {
        int max = Math.max(0, display().size() - lastPage);
        switch (action) {
            case UP -> top = Math.max(0, top - 1);
            case DOWN -> top = Math.min(max, top + 1);
            case PAGE_UP -> top = Math.max(0, top - lastPage);
            case PAGE_DOWN -> top = Math.min(max, top + lastPage);
            case TOP -> top = 0;
            case BOTTOM -> top = max;
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.of(Action.UP, Action.DOWN, Action.PAGE_UP, Action.PAGE_DOWN, Action.TOP, Action.BOTTOM);
    }

    @Override
    public RowFilter filter() {
        return filter;
    }

    @Override
    public void setFilter(RowFilter filter) {
        this.filter = filter;
        List<StyledLine> all = display();
        if (filter.active() && !filter.inverted()) {
            for (int i = 0; i < all.size(); i++) {
                if (filter.matchesText(all.get(i).text())) {
                    top = Math.max(0, Math.min(i, Math.max(0, all.size() - lastPage)));
                    break;
                }
            }
        }
    }

    @Override
    public int pageSize() {
        return lastPage;
    }

    @Override
    public void render(Canvas canvas, Rect area) {
        lastPage = Math.max(1, area.height());
        if (shownWidth != area.width() - 2) {
            shownWidth = area.width() - 2;
            shown = LineWrap.wrap(lines, shownWidth);
        }
        List<StyledLine> lines = shown;
        top = Math.max(0, Math.min(top, lines.size() - lastPage));
        for (int i = 0; i < area.height() && top + i < lines.size(); i++) {
            StyledLine line = lines.get(top + i);
            int y = area.y() + i;
            canvas.line(area.x() + 1, y, area.width() - 2, line, "text");
            String text = line.text();
            for (int[] span : filter.highlights(text)) {
                int x = Canvas.width(text.substring(0, span[0]));
                if (x < area.width() - 2) {
                    canvas.text(area.x() + 1 + x, y, area.width() - 2 - x, text.substring(span[0], span[1]), "match");
                }
            }
        }
        if (lines.size() > area.height()) {
            String where = (top + 1) + "-" + Math.min(lines.size(), top + area.height()) + "/" + lines.size();
            canvas.text(area.right() - Canvas.width(where), area.bottom() + 1, Canvas.width(where), where, "border");
        }
    }
}
