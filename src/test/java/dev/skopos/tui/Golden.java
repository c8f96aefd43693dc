package dev.skopos.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden panes: a screen compared with {@code src/test/resources/golden/NAME.txt}. Run with
 * {@code -Dgolden.update=true} to rewrite them after an intended change, then review the diff.
 */
final class Golden {

    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    static void assertMatches(String name, String screen) {
        Path file = DIR.resolve(name + ".txt");
        try {
            if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
                Files.createDirectories(DIR);
                Files.writeString(file, screen);
                if (!Boolean.getBoolean("golden.update")) {
                    throw new AssertionError("golden " + file + " was missing and has been written; review and rerun");
                }
                return;
            }
            assertThat(screen).as("golden pane " + file + " (rerun with -Dgolden.update=true if intended)")
                    .isEqualTo(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
