package dev.skopos.tui;

import dev.skopos.config.Keymap;
import dev.skopos.config.Theme;
import dev.skopos.source.MeshSource;
import dev.skopos.source.Scope;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What the shell is started with.
 *
 * @param background where views run parsing and joins off the GUI thread (tests pass a direct one)
 */
public record ShellSettings(MeshSource source, Keymap keymap, Theme theme, Clock clock, Executor background,
                            boolean readOnly, Scope scope, String version) {}
