package dev.skopos.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.skopos.config.Theme;
import dev.skopos.render.Tone;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A theme turned into Lanterna colours, looked up by slot name; built once per theme. */
final class Palette {

    /** A resolved look: what TextGraphics needs. */
    record Look(TextColor fg, TextColor bg, EnumSet<SGR> sgr) {}

    private final Map<String, Look> looks = new HashMap<>();

    Palette(Theme theme) {
        for (String slot : Theme.SLOTS) {
            Theme.Style s = theme.style(slot);
            EnumSet<SGR> sgr = EnumSet.noneOf(SGR.class);
            if (s.bold()) {
                sgr.add(SGR.BOLD);
            }
            if (s.reverse()) {
                sgr.add(SGR.REVERSE);
            }
            looks.put(slot, new Look(colour(s.fg()), colour(s.bg()), sgr));
        }
    }

    Look look(String slot) {
        Look look = looks.get(slot);
        return look != null ? look : new Look(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, EnumSet.noneOf(SGR.class));
    }

    static String slot(Tone tone) {
        return switch (tone) {
            case NORMAL -> "text";
            case OK -> "tone.ok";
            case WARN -> "tone.warn";
            case ERROR -> "tone.error";
            case DIM -> "tone.dim";
            case LABEL -> "label";
            case HEADING -> "title";
        };
    }

    private static TextColor colour(String spec) {
        if (spec == null || spec.equals("default")) {
            return TextColor.ANSI.DEFAULT;
        }
        if (spec.startsWith("#")) {
            return TextColor.Factory.fromString(spec);
        }
        boolean bright = spec.startsWith("bright_");
        String base = (bright ? spec.substring(7) : spec).toUpperCase(Locale.ROOT);
        return TextColor.ANSI.valueOf(bright ? base + "_BRIGHT" : base);
    }
}
