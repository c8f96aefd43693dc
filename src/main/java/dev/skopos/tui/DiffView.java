package dev.skopos.tui;

import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.envoy.config.ConfigDumpParser;
import dev.skopos.envoy.config.ParseOptions;
import dev.skopos.mesh.ConfigDiff;
import dev.skopos.render.ConfigDiffLines;
import dev.skopos.render.StyledLine;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A structured diff of two config dumps: per cluster, listener and route, missing / extra /
 * changed, with the changed fields by JSON path. Both dumps are pulled in parallel and parsed off
 * the GUI thread; ctrl-r pulls them again.
 */
final class DiffView extends TextView {

    private final String labelA;
    private final String labelB;
    private final Supplier<CompletableFuture<String>> dumpA;
    private final Supplier<CompletableFuture<String>> dumpB;
    private boolean loaded;

    DiffView(String crumb, String title, String labelA, Supplier<CompletableFuture<String>> dumpA,
             String labelB, Supplier<CompletableFuture<String>> dumpB) {
        super(crumb, title, List.of(StyledLine.plain(" pulling both configurations…")));
        this.labelA = labelA;
        this.labelB = labelB;
        this.dumpA = dumpA;
        this.dumpB = dumpB;
    }

    @Override
    public void shown(Shell shell) {
        if (!loaded) {
            refresh(shell);
        }
    }

    @Override
    public void refresh(Shell shell) {
        var executor = shell.settings().background();
        CompletableFuture<ConfigDump> a = dumpA.get()
                .thenApplyAsync(body -> ConfigDumpParser.parse(body, ParseOptions.FULL), executor);
        CompletableFuture<ConfigDump> b = dumpB.get()
                .thenApplyAsync(body -> ConfigDumpParser.parse(body, ParseOptions.FULL), executor);
        shell.await(a.thenCombineAsync(b, (x, y) -> ConfigDiff.compare(labelA, x, labelB, y), executor), diff -> {
            loaded = true;
            setLines(ConfigDiffLines.lines(diff));
        }, error -> setLines(List.of(StyledLine.plain(" cannot compare: " + error))));
    }
}
