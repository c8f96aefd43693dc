package dev.skopos.tui;

import dev.skopos.envoy.LoggerLevels;
import dev.skopos.envoy.LoggerLevelsParser;
import dev.skopos.source.PodRef;
import java.util.List;

/**
 * shift-l: steps the proxy's Envoy log level (all loggers) warning → info → debug → trace →
 * warning, after asking. Mutating, so the shell refuses it under --readonly before we get here.
 */
final class LogLevelAction {

    static final List<String> CYCLE = List.of("warning", "info", "debug", "trace");

    private LogLevelAction() {
    }

    /** @param afterwards run on the GUI thread once the level changed (a view reloading), may be null */
    static void cycle(Shell shell, PodRef pod, Runnable afterwards) {
        shell.await(shell.source().envoy().logging(pod), text -> {
            LoggerLevels levels = LoggerLevelsParser.parse(text);
            String next = next(levels.dominantLevel());
            shell.confirm("Set Envoy log level of " + pod + " to " + next + " (all loggers, now "
                    + levels.dominantLevel() + ")?", () -> shell.await(
                    shell.source().envoy().setLogLevel(pod, null, next),
                    done -> {
                        shell.flash("log level of " + pod + " set to " + next, false);
                        if (afterwards != null) {
                            afterwards.run();
                        }
                    },
                    error -> shell.flash("cannot set log level of " + pod + ": " + error, true)));
        }, error -> shell.flash("cannot read log levels of " + pod + ": " + error, true));
    }

    static String next(String current) {
        String normal = "warn".equals(current) ? "warning" : current;
        int i = CYCLE.indexOf(normal);
        return CYCLE.get((i + 1) % CYCLE.size());
    }
}
