package dev.skopos.tui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.config.Action;
import dev.skopos.render.Row;
import dev.skopos.render.Table;
import dev.skopos.source.PodRef;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A table of one proxy's Envoy configuration (listeners, routes, clusters, endpoints, secrets).
 * Loads through the shell's per-proxy cache, so switching sections costs one pull; ctrl-r pulls
 * again while the old rows stay on screen. {@code y} shows an object's JSON, {@code o} the Istio
 * object behind it, and the section keys switch sections for the same proxy.
 *
 * @param <D> what one pull gives (a parsed config dump, or the /clusters listing)
 */
abstract class ConfigView<D> extends TableView {

    protected final PodRef pod;
    private final String section;
    private final String focus;
    private D data;
    private boolean inFlight;

    /** @param focus what a drill-down narrowed the view to (a route name, a cluster), or null */
    ConfigView(PodRef pod, String section, String focus) {
        this.pod = pod;
        this.section = section;
        this.focus = focus;
    }

    /** Pulls the data, from the cache unless {@code reload}. */
    abstract CompletableFuture<D> fetch(Shell shell, boolean reload);

    /** Rows for the data; row ids must let {@link #raw} and {@link #istioConfig} find the object. */
    abstract Table table(D data, Instant now);

    /** The Envoy object behind a row, for the detail pane. */
    abstract JsonNode raw(D data, Row row);

    /** The {@code istio.config} metadata path behind a row, "" when Envoy recorded none. */
    String istioConfig(D data, Row row) {
        return "";
    }

    /** What Enter opens from a row; null when there is nothing deeper. */
    View drill(D data, Row row) {
        return null;
    }

    /** The section's own actions beyond navigation (the drill key says where it goes). */
    Set<Action> extraActions() {
        return EnumSet.noneOf(Action.class);
    }

    @Override
    public String crumb() {
        return focus == null ? section : section + " " + focus;
    }

    @Override
    public List<Canvas.TitlePart> title() {
        return tableTitle(section, pod.name() + (focus == null ? "" : " → " + focus));
    }

    @Override
    public PodRef proxyInContext() {
        return pod;
    }

    @Override
    public Set<Action> actions() {
        Set<Action> actions = EnumSet.copyOf(super.actions());
        actions.remove(Action.SORT_AGE);
        actions.remove(Action.SORT_STATUS);
        actions.remove(Action.SORT_SYNC);
        actions.addAll(ConfigSections.SECTION_ACTIONS);
        actions.addAll(EnumSet.of(Action.YAML, Action.ISTIO_SOURCE));
        actions.addAll(extraActions());
        return actions;
    }

    @Override
    public void shown(Shell shell) {
        if (data == null) {
            load(shell, false);
        }
    }

    @Override
    public void refresh(Shell shell) {
        load(shell, true);
    }

    private void load(Shell shell, boolean reload) {
        if (inFlight) {
            return;
        }
        inFlight = true;
        shell.await(fetch(shell, reload), d -> {
            inFlight = false;
            data = d;
            setTable(table(d, shell.clock().instant()));
        }, error -> {
            inFlight = false;
            String message = "cannot read " + section + " of " + pod + ": " + error;
            if (data == null) {
                setLoadError(message);
            }
            shell.flash(message, true);
        });
    }

    @Override
    public boolean handle(Action action, Shell shell) {
        if (super.handle(action, shell)) {
            return true;
        }
        if (ConfigSections.SECTION_ACTIONS.contains(action)) {
            shell.push(ConfigSections.open(action, pod));
            return true;
        }
        Row row = selectedRow();
        if (data == null || row == null) {
            if (action == Action.DRILL || action == Action.YAML || action == Action.ISTIO_SOURCE) {
                shell.flash(data == null ? "still loading" : "nothing selected", true);
                return true;
            }
            return false;
        }
        switch (action) {
            case DRILL -> {
                View next = drill(data, row);
                if (next == null) {
                    shell.flash("nothing deeper here; y shows the JSON", false);
                } else {
                    shell.push(next);
                }
            }
            case YAML -> shell.push(new DetailView(section + " " + row.cells().get(0).text(), raw(data, row)));
            case ISTIO_SOURCE -> IstioObjects.open(shell, istioConfig(data, row), pod);
            default -> {
                return false;
            }
        }
        return true;
    }
}
