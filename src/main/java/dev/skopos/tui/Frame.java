package dev.skopos.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import dev.skopos.config.Action;
import dev.skopos.config.Keymap;
import dev.skopos.istiod.VersionSkew;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out one frame: header, hint bar, prompt line, the view's box, breadcrumbs and flash.
 * Pure layout over the shell's state; 80x24 is the smallest size that keeps every part.
 */
final class Frame {

    static final int MIN_WIDTH = 40;
    static final int MIN_HEIGHT = 10;

    private final Shell shell;

    Frame(Shell shell) {
        this.shell = shell;
    }

    /** Draws and returns where the cursor belongs (null hides it). */
    TerminalPosition draw(Canvas c, TerminalSize size) {
        int w = size.getColumns();
        int h = size.getRows();
        if (w < MIN_WIDTH || h < MIN_HEIGHT) {
            c.text(0, 0, w, "skopos needs at least " + MIN_WIDTH + "x" + MIN_HEIGHT + " (80x24 or more is best); now "
                    + w + "x" + h, "flash.error");
            return null;
        }
        header(c, w);
        hints(c, w);
        View view = shell.current();
        Rect box = new Rect(0, 3, w, h - 5);
        c.box(box, view.title());
        view.render(c, new Rect(box.x() + 1, box.y() + 1, box.width() - 2, box.height() - 2));
        crumbs(c, w, h - 2);
        flash(c, w, h - 1);
        staleBanner(c, w, 2);
        return prompt(c, w, 2);
    }

    private void header(Canvas c, int w) {
        c.fill(0, 0, w, "header");
        var info = shell.source().info();
        Shell.HeaderStats stats = shell.stats();
        // Most important last: when the terminal is narrow, parts drop from the front.
        List<String> parts = new ArrayList<>();
        parts.add("skopos " + shell.settings().version());
        VersionSkew skew = VersionSkew.of(info.istioVersions(), stats.dataPlaneVersions());
        parts.add("istio " + skew.header());
        parts.add("ctx " + info.label());
        parts.add("ns " + shell.scope().label());
        if (stats.proxies() >= 0) {
            parts.add("proxies " + stats.proxies() + (stats.faulty() > 0 ? " (" + stats.faulty() + " faulty)" : ""));
        }
        String findings = shell.findings().badge();
        if (!findings.isEmpty()) {
            parts.add("findings " + findings);
        }
        List<String> badges = new ArrayList<>();
        if (!skew.supported()) {
            badges.add(" SKEW ");
        }
        if (shell.readOnly()) {
            badges.add(" READ-ONLY ");
        }
        int badgeWidth = badges.stream().mapToInt(b -> Canvas.width(b) + 1).sum();
        while (parts.size() > 1 && Canvas.width(" " + String.join(" │ ", parts) + " ") > w - badgeWidth) {
            parts.remove(0);
        }
        String text = " " + String.join(" │ ", parts) + " ";
        c.text(0, 0, w - badgeWidth, text, "header");
        int x = w - badgeWidth;
        for (String badge : badges) {
            x += c.text(x, 0, w - x, badge, badge.equals(" SKEW ") ? "header.alert" : "header.badge") + 1;
        }
    }

    /** The hint bar: global hinted actions plus the view's, from the keymap, as many as fit. */
    private void hints(Canvas c, int w) {
        Keymap keymap = shell.settings().keymap();
        View view = shell.current();
        List<String[]> hints = new ArrayList<>();
        boolean sectionsShown = false;
        for (Action a : Action.values()) {
            boolean global = a.group() == Action.Group.GENERAL;
            boolean canGoBack = a == Action.BACK && shell.stackBottomUp().size() > 1;
            if (!(a.hinted() || canGoBack) || !(global || view.actions().contains(a))) {
                continue;
            }
            if (a.mutating() && shell.readOnly()) {
                continue;
            }
            String key = keymap.primaryKeyLabel(a);
            if (key == null) {
                continue;
            }
            if (ConfigSections.SECTION_ACTIONS.contains(a) && sectionKeysAreDigits(keymap)) {
                // Six section keys would crowd out everything else: one hint, details in help.
                if (!sectionsShown) {
                    hints.add(new String[] {"1-6", "lis/rt/cl/ep/sec/boot"});
                    sectionsShown = true;
                }
                continue;
            }
            hints.add(new String[] {key, view.hint(a)});
        }
        int x = 1;
        for (String[] hint : hints) {
            String k = "<" + hint[0] + ">";
            int need = Canvas.width(k) + 1 + Canvas.width(hint[1]) + 2;
            if (x + need > w) {
                break;
            }
            x += c.text(x, 1, w - x, k, "hint.key");
            x += 1;
            x += c.text(x, 1, w - x, hint[1], "hint.text");
            x += 2;
        }
    }

    /** True when the keymap binds the sections to 1..6 in order (the default), so "1-6" is honest. */
    private static boolean sectionKeysAreDigits(Keymap keymap) {
        int digit = 1;
        for (Action a : new Action[] {Action.LISTENERS, Action.ROUTES, Action.CLUSTERS, Action.ENDPOINTS,
            Action.SECRETS, Action.BOOTSTRAP}) {
            if (!Integer.toString(digit++).equals(keymap.primaryKeyLabel(a))) {
                return false;
            }
        }
        return true;
    }

    private TerminalPosition prompt(Canvas c, int w, int y) {
        switch (shell.mode()) {
            case COMMAND, FILTER -> {
                String sigil = shell.mode() == Shell.Mode.COMMAND ? ":" : "/";
                LineEditor e = shell.editor();
                c.text(1, y, w - 2, sigil, "prompt");
                int used = c.text(2, y, w - 3, e.text(), "prompt");
                String suggestion = shell.commandSuggestion();
                c.text(2 + used, y, w - 3 - used, suggestion, "suggestion");
                return new TerminalPosition(Math.min(w - 1, 2 + Canvas.width(e.text().substring(0, e.cursor()))), y);
            }
            case CONFIRM -> {
                c.text(1, y, w - 2, shell.confirmQuestion() + " [y/N]", "prompt");
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** A lost API server must not go unnoticed: the banner replaces the prompt line until it recovers. */
    private void staleBanner(Canvas c, int w, int y) {
        String stale = shell.source().staleness(shell.clock().instant());
        if (!stale.isEmpty() && shell.mode() == Shell.Mode.NORMAL) {
            boolean connecting = shell.source().info().kind() == dev.skopos.source.SourceInfo.Kind.CONNECTING;
            c.fill(0, y, w, "header.alert");
            c.text(1, y, w - 2, (connecting ? "" : "STALE: ") + stale, "header.alert");
        }
    }

    private void crumbs(Canvas c, int w, int y) {
        List<View> views = shell.stackBottomUp();
        int x = 1;
        for (int i = 0; i < views.size(); i++) {
            boolean last = i == views.size() - 1;
            String crumb = " " + views.get(i).crumb() + " ";
            x += c.text(x, y, w - x - 1, crumb, last ? "breadcrumb.current" : "breadcrumb");
            x += 1;
            if (x >= w - 1) {
                break;
            }
        }
    }

    private void flash(Canvas c, int w, int y) {
        String text = shell.flashText();
        if (text != null) {
            c.text(1, y, w - 2, text, shell.flashIsError() ? "flash.error" : "flash.info");
        }
    }
}
