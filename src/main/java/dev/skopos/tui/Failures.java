package dev.skopos.tui;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns failures into the one line a user reads; the stack trace goes to the log file only. */
final class Failures {

    private static final Logger LOG = Logger.getLogger("dev.skopos.tui");

    private Failures() {
    }

    static String oneLine(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            message = t.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static void log(String what, Throwable error) {
        LOG.log(Level.WARNING, what, error);
    }
}
