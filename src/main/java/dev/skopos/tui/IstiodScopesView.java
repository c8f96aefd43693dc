package dev.skopos.tui;

import dev.skopos.config.Action;
import dev.skopos.istiod.ControlzScopes;
import dev.skopos.istiod.ScopeLevel;
import dev.skopos.render.Row;
import dev.skopos.render.ScopesTable;
import dev.skopos.source.IstiodInstance;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One istiod replica's log scopes through ControlZ, like {@code istioctl admin log}. shift-l steps
 * the selected scope's level after asking, naming the replica; skopos puts every scope it changed
 * back when it exits, so a debugging session never leaves istiod at debug.
 */
final class IstiodScopesView extends TableView {

    static final List<ScopeLevel> CYCLE = List.of(ScopeLevel.INFO, ScopeLevel.DEBUG, ScopeLevel.WARN,
            ScopeLevel.ERROR, ScopeLevel.NONE);

    private final IstiodInstance istiod;
    private List<ControlzScopes.Scope> scopes = List.of();

    IstiodScopesView(IstiodInstance istiod) {
        this.istiod = istiod;
    }

    @Override
    public String crumb() {
        return "scopes " + istiod.name();
    }

    @Override
    public List<Canvas.TitlePart> title() {
        return tableTitle("log scopes", istiod.name());
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.of(Action.UP, Action.DOWN, Action.PAGE_UP, Action.PAGE_DOWN, Action.TOP, Action.BOTTOM,
                Action.SORT_NAME, Action.LOG_LEVEL);
    }

    @Override
    public String hint(Action action) {
        return action == Action.LOG_LEVEL ? "scope level" : super.hint(action);
    }

    @Override
    public void shown(Shell shell) {
        refresh(shell);
    }

    @Override
    public void refresh(Shell shell) {
        shell.await(shell.source().istiod().logScopes(istiod).thenApply(ControlzScopes::parse), list -> {
            scopes = list;
            setTable(ScopesTable.of(list, changedHere(shell)));
        }, error -> setLoadError("cannot read log scopes of " + istiod.name() + ": " + error));
    }

    private Set<String> changedHere(Shell shell) {
        Set<String> names = new java.util.HashSet<>();
        String prefix = key("");
        shell.reverts().pending().stream().filter(k -> k.startsWith(prefix)).forEach(k -> names.add(k.substring(prefix.length())));
        return names;
    }

    private String key(String scope) {
        return "istiod " + istiod.name() + " scope " + scope;
    }

    @Override
    public boolean handle(Action action, Shell shell) {
        if (super.handle(action, shell)) {
            return true;
        }
        if (action != Action.LOG_LEVEL) {
            return false;
        }
        Row row = selectedRow();
        if (row == null) {
            shell.flash("no scope selected", true);
            return true;
        }
        ControlzScopes.Scope scope = scopes.stream().filter(s -> s.name().equals(row.id())).findFirst().orElseThrow();
        ScopeLevel from = ScopeLevel.parse(scope.outputLevel());
        ScopeLevel to = CYCLE.get((CYCLE.indexOf(from) + 1) % CYCLE.size());
        shell.confirm("Set log scope " + scope.name() + " of " + istiod.name() + " from " + from.wire() + " to "
                + to.wire() + "? (reverted when skopos exits)", () -> apply(shell, scope.name(), from, to));
        return true;
    }

    private void apply(Shell shell, String scope, ScopeLevel from, ScopeLevel to) {
        String key = key(scope);
        // The undo goes to this istiod even if the user switches to another context before exiting.
        dev.skopos.source.IstiodDebug debug = shell.source().istiod();
        shell.await(debug.setLogScope(istiod, scope, to.wire()), done -> {
            ScopeLevel original = shell.reverts().originalOf(key).map(ScopeLevel::parse).orElse(from);
            if (original == to) {
                shell.reverts().forget(key);
            } else {
                shell.reverts().register(key, original.wire(),
                        () -> debug.setLogScope(istiod, scope, original.wire()));
            }
            shell.flash(istiod.name() + " scope " + scope + " is now " + to.wire()
                    + (original == to ? "" : " (back to " + original.wire() + " on exit)"), false);
            refresh(shell);
        }, error -> shell.flash("cannot set scope " + scope + " of " + istiod.name() + ": " + error, true));
    }
}
