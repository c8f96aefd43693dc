package dev.skopos.tui;

import com.googlecode.lanterna.input.KeyStroke;
import dev.skopos.config.KeyChord;

/** Lanterna key strokes into the keymap's library-free {@link KeyChord}s. */
final class KeyTranslator {

    private KeyTranslator() {
    }

    /** The chord, or null for keys no keymap can name (mouse events, cursor reports). */
    static KeyChord chord(KeyStroke ks) {
        boolean ctrl = ks.isCtrlDown();
        boolean alt = ks.isAltDown();
        String name = switch (ks.getKeyType()) {
            case Character -> {
                char c = ks.getCharacter();
                if (c == ' ') {
                    yield "space";
                }
                yield String.valueOf(ctrl ? Character.toLowerCase(c) : c);
            }
            case Enter -> "enter";
            case Escape -> "esc";
            case Tab -> "tab";
            case ReverseTab -> "backtab";
            case Backspace -> "backspace";
            case ArrowUp -> "up";
            case ArrowDown -> "down";
            case ArrowLeft -> "left";
            case ArrowRight -> "right";
            case PageUp -> "pgup";
            case PageDown -> "pgdn";
            case Home -> "home";
            case End -> "end";
            case Delete -> "delete";
            case Insert -> "insert";
            case F1 -> "f1";
            case F2 -> "f2";
            case F3 -> "f3";
            case F4 -> "f4";
            case F5 -> "f5";
            case F6 -> "f6";
            case F7 -> "f7";
            case F8 -> "f8";
            case F9 -> "f9";
            case F10 -> "f10";
            case F11 -> "f11";
            case F12 -> "f12";
            default -> null;
        };
        return name == null ? null : new KeyChord(name, ctrl, alt);
    }
}
