package dev.skopos.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.skopos.config.KeymapLoader;
import dev.skopos.config.ThemeLoader;
import dev.skopos.source.MeshSource;
import dev.skopos.source.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Drives the real shell on a virtual terminal: feed keys, let background work land, read the
 * screen back as text or colours. No GUI thread: the test thread turns the loop.
 */
final class Pilot {

    private final DefaultVirtualTerminal terminal;
    private final TerminalScreen screen;
    private final TerminalApp app;

    Pilot(MeshSource source, Clock clock, int columns, int rows, boolean readOnly) {
        this(new ShellSettings(source, KeymapLoader.defaults(), ThemeLoader.defaults(), clock,
                Runnable::run, readOnly, Scope.ALL, "0.0.0-test"), columns, rows);
    }

    Pilot(ShellSettings settings, int columns, int rows) {
        try {
            terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
            screen = new TerminalScreen(terminal);
            screen.startScreen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app = new TerminalApp(screen, new Shell(settings));
        settle();
    }

    /** Types characters one by one; {@code \n} is enter, {@code \u001b} is esc. */
    Pilot type(String text) {
        for (char c : text.toCharArray()) {
            if (c == '\n') {
                terminal.addInput(new KeyStroke(KeyType.Enter));
            } else if (c == 27) {
                terminal.addInput(new KeyStroke(KeyType.Escape));
            } else {
                terminal.addInput(new KeyStroke(c, false, false));
            }
            settle();
        }
        return this;
    }

    Pilot press(KeyType type) {
        terminal.addInput(new KeyStroke(type));
        return settle();
    }

    Pilot ctrl(char c) {
        terminal.addInput(new KeyStroke(c, true, false));
        return settle();
    }

    Pilot resize(int columns, int rows) {
        terminal.setTerminalSize(new TerminalSize(columns, rows));
        return settle();
    }

    /** Turns the loop until nothing changes for a few quiet turns (background results landed). */
    Pilot settle() {
        try {
            int quiet = 0;
            for (int i = 0; i < 2000 && quiet < 5; i++) {
                if (app.step()) {
                    quiet = 0;
                } else {
                    quiet++;
                    Thread.sleep(2);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    /** Turns the loop until the screen satisfies the condition (background threads answer); fails after 10 s. */
    Pilot until(java.util.function.Predicate<String> screenText, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!screenText.test(settle().text())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ":\n" + text());
            }
        }
        return this;
    }

    Shell shell() {
        return app.shell();
    }

    boolean quit() {
        return app.shell().quitRequested();
    }

    /** The screen as text, trailing spaces trimmed per line. */
    String text() {
        TerminalSize size = screen.getTerminalSize();
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < size.getRows(); y++) {
            StringBuilder line = new StringBuilder();
            for (int x = 0; x < size.getColumns(); x++) {
                TextCharacter ch = screen.getFrontCharacter(x, y);
                line.append(ch == null ? " " : ch.getCharacterString());
                if (ch != null && ch.isDoubleWidth()) {
                    x++;
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** One row of the screen. */
    String row(int y) {
        return text().split("\n", -1)[y];
    }

    /** The line of the screen containing {@code needle}, or null. */
    String line(String needle) {
        return text().lines().filter(l -> l.contains(needle)).findFirst().orElse(null);
    }

    TextColor foreground(String needle) {
        return cell(needle).getForegroundColor();
    }

    TextColor background(String needle) {
        return cell(needle).getBackgroundColor();
    }

    private TextCharacter cell(String needle) {
        String[] lines = text().split("\n");
        for (int y = 0; y < lines.length; y++) {
            int x = lines[y].indexOf(needle);
            if (x >= 0) {
                return screen.getFrontCharacter(x, y);
            }
        }
        throw new AssertionError("'" + needle + "' is not on screen:\n" + text());
    }
}
