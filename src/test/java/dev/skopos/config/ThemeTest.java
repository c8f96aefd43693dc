package dev.skopos.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeTest {

    @Test
    void defaultThemeDefinesEverySlot() {
        Theme theme = ThemeLoader.defaults();
        assertThat(theme.styles().keySet()).containsExactlyInAnyOrderElementsOf(Theme.SLOTS);
        assertThat(theme.style("tone.error").fg()).isEqualTo("red");
    }

    @Test
    void monoThemeHasNoColours() {
        Theme theme = ThemeLoader.load("mono", null);
        assertThat(theme.styles().values()).allSatisfy(s -> {
            assertThat(s.fg()).isNull();
            assertThat(s.bg()).isNull();
        });
    }

    @Test
    void userThemeOverridesSomeSlots(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "styles:\n  tone.error: { fg: '#ff8800', bold: true }\n");
        Theme theme = ThemeLoader.load(file.toString(), null);
        assertThat(theme.style("tone.error")).isEqualTo(new Theme.Style("#ff8800", null, true, false));
        assertThat(theme.style("tone.ok").fg()).isEqualTo("green");
    }

    @Test
    void badColoursAndSlotsAreNamed(@TempDir Path dir) throws Exception {
        Path colour = dir.resolve("c.yaml");
        Files.writeString(colour, "styles:\n  row: { fg: mauve }\n");
        assertThatThrownBy(() -> ThemeLoader.load(colour.toString(), null))
                .hasMessageContaining("slot 'row'").hasMessageContaining("unknown colour 'mauve'");
        Path slot = dir.resolve("s.yaml");
        Files.writeString(slot, "styles:\n  rows: { fg: red }\n");
        assertThatThrownBy(() -> ThemeLoader.load(slot.toString(), null)).hasMessageContaining("unknown style slot 'rows'");
    }

    @Test
    void xdgPathsFollowTheSpec() {
        XdgPaths p = XdgPaths.from(Map.of("XDG_STATE_HOME", "/s", "XDG_CONFIG_HOME", "relative/ignored"), "/home/u");
        assertThat(p.logFile()).isEqualTo(Path.of("/s/skopos/skopos.log"));
        assertThat(p.configDir()).isEqualTo(Path.of("/home/u/.config/skopos"));
    }
}
