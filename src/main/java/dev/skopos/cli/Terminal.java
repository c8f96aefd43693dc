package dev.skopos.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether stdout is an interactive terminal that takes colour, as istioctl's IstioctlColorDefault decides. */
final class Terminal {

    private Terminal() {
    }

    /** False for TERM=dumb and whenever stdout is redirected: colour codes never reach a pipe or a file. */
    static boolean stdoutIsColourTerminal() {
        if ("dumb".equalsIgnoreCase(System.getenv("TERM"))) {
            return false;
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ hands out a Console even when redirected; isTerminal() then tells the truth.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // Java 17-21: a console exists only when stdin and stdout are terminals.
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
