package dev.skopos.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeymapTest {

    @ParameterizedTest
    @CsvSource({
        "q, q, false, false, q",
        "G, G, false, false, shift-g",
        "shift-n, N, false, false, shift-n",
        "ctrl-c, c, true, false, ctrl-c",
        "ctrl-C, c, true, false, ctrl-c",
        "alt-x, x, false, true, alt-x",
        "PageDown, pgdn, false, false, pgdn",
        "escape, esc, false, false, esc",
        "shift-tab, backtab, false, false, backtab",
        "enter, enter, false, false, enter"
    })
    void parsesKeySpellings(String spelling, String key, boolean ctrl, boolean alt, String label) {
        KeyChord chord = KeyChord.parse(spelling);
        assertThat(chord).isEqualTo(new KeyChord(key, ctrl, alt));
        assertThat(chord.label()).isEqualTo(label);
    }

    @Test
    void rejectsUnknownKeys() {
        assertThatThrownBy(() -> KeyChord.parse("hyper-q")).hasMessageContaining("unknown key 'hyper-q'");
    }

    @Test
    void defaultKeymapBindsEveryActionOnceAndKeepsK9sHabits() {
        Keymap keymap = KeymapLoader.defaults();
        for (Action a : Action.values()) {
            assertThat(keymap.keysFor(a)).as(a.id()).isNotEmpty();
        }
        assertThat(keymap.actionFor(KeyChord.ofChar(':'))).isEqualTo(Action.COMMAND);
        assertThat(keymap.actionFor(KeyChord.ofChar('/'))).isEqualTo(Action.FILTER);
        assertThat(keymap.actionFor(KeyChord.ofChar('j'))).isEqualTo(Action.DOWN);
        assertThat(keymap.actionFor(KeyChord.parse("ctrl-c"))).isEqualTo(Action.QUIT);
        assertThat(keymap.actionFor(KeyChord.parse("ctrl-z"))).isEqualTo(Action.FAULTY);
        assertThat(keymap.keyLabel(Action.DOWN)).isEqualTo("down/j");
    }

    @Test
    void userKeymapRebindsOnlyWhatItLists(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, "bindings:\n  down: [n]\n  sort-name: [shift-m]\n");
        Keymap keymap = KeymapLoader.load(file.toString(), null);
        assertThat(keymap.actionFor(KeyChord.ofChar('n'))).isEqualTo(Action.DOWN);
        assertThat(keymap.actionFor(KeyChord.ofChar('j'))).isNull();
        assertThat(keymap.actionFor(KeyChord.ofChar('/'))).isEqualTo(Action.FILTER);
    }

    @Test
    void shippedLessKeymapLoadsByName() {
        Keymap keymap = KeymapLoader.load("less", null);
        assertThat(keymap.actionFor(KeyChord.named("space"))).isEqualTo(Action.PAGE_DOWN);
    }

    @Test
    void conflictingBindingsAreRefusedWithBothActionsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "bindings:\n  down: [q]\n");
        assertThatThrownBy(() -> KeymapLoader.load(file.toString(), null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'q'").hasMessageContaining("quit").hasMessageContaining("down");
    }

    @Test
    void unknownActionsAndMalformedYamlAreOneLineErrors(@TempDir Path dir) throws Exception {
        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, "bindings:\n  fly: [f]\n");
        assertThatThrownBy(() -> KeymapLoader.load(unknown.toString(), null))
                .hasMessageContaining("unknown action 'fly'");
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "bindings: [unclosed\n");
        assertThatThrownBy(() -> KeymapLoader.load(broken.toString(), null))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void quitCannotBeUnbound(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("noquit.yaml");
        Files.writeString(file, "bindings:\n  quit: []\n");
        assertThatThrownBy(() -> KeymapLoader.load(file.toString(), null))
                .hasMessageContaining("'quit' needs at least one key");
    }

    @Test
    void missingKeymapNameSaysWhereItLooked() {
        assertThatThrownBy(() -> KeymapLoader.load("nope", new XdgPaths(Path.of("/x/cfg"), Path.of("/x/state"))))
                .hasMessageContaining("keymap 'nope' not found").hasMessageContaining("/x/cfg/keymaps");
    }
}
