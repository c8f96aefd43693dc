package dev.skopos.tui;

import dev.skopos.config.Keymap;
import dev.skopos.config.Theme;
import dev.skopos.source.MeshSource;
import dev.skopos.source.Scope;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What the shell is started with.
 *
 * @param source     the first source; a {@code ConnectingSource} when {@code connect} names contexts
 * @param background where views run parsing and joins off the GUI thread (tests pass a direct one)
 * @param contexts   how {@code :ctx} lists and opens kube contexts; null for the demo and snapshots
 * @param connect    contexts to connect to right after the first frame (empty: the source is ready)
 */
public record ShellSettings(MeshSource source, Keymap keymap, Theme theme, Clock clock, Executor background,
                            boolean readOnly, Scope scope, String version, ContextSwitcher contexts,
                            List<String> connect) {

    public ShellSettings {
        connect = connect == null ? null : List.copyOf(connect);
    }

    /** A ready source and no context switching (the demo, snapshots, tests). */
    public ShellSettings(MeshSource source, Keymap keymap, Theme theme, Clock clock, Executor background,
                         boolean readOnly, Scope scope, String version) {
        this(source, keymap, theme, clock, background, readOnly, scope, version, null, null);
    }

    /** Whether the shell connects after the first frame (live clusters). */
    public boolean connectsOnStart() {
        return connect != null;
    }
}
