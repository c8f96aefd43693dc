package dev.skopos.tui;

import dev.skopos.source.SourceException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns failures into the one line a user reads; the stack trace goes to the log file only. */
final class Failures {

    private static final Logger LOG = Logger.getLogger("dev.skopos.tui");

    private Failures() {
    }

    static String oneLine(Throwable error) {
        return SourceException.describe(error);
    }

    static void log(String what, Throwable error) {
        LOG.log(Level.WARNING, what, error);
    }
}
