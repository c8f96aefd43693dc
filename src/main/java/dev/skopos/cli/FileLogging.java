package dev.skopos.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends all logging (ours, and fabric8's through slf4j-jdk14) to one file in the XDG state dir.
 * The console handler is removed first: while the UI is up, the terminal is the UI's alone.
 */
final class FileLogging {

    private FileLogging() {
    }

    /** @return the log file, or null when it cannot be opened (logging is then off, silently) */
    static Path install(Path logFile) {
        System.setProperty("java.util.logging.SimpleFormatter.format",
                "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.setLevel(Level.INFO);
        try {
            Files.createDirectories(logFile.getParent());
            FileHandler file = new FileHandler(logFile.toString(), 5_000_000, 1, true);
            file.setFormatter(new SimpleFormatter());
            root.addHandler(file);
            return logFile;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
