package dev.skopos.config;

import java.util.Map;

/**
 * Colours by meaning, not by place: views ask for {@code tone.error} or {@code row.selected} and
 * the theme says what that looks like. Colour values stay strings here; the TUI maps them.
 */
public record Theme(String name, Map<String, Style> styles) {

    /** Every slot a theme must define; a user theme may override any subset of the default's. */
    public static final java.util.List<String> SLOTS = java.util.List.of(
            "header", "header.badge", "header.alert", "hint.key", "hint.text", "prompt", "suggestion",
            "border", "title", "title.filter", "table.header", "row", "row.selected", "match",
            "tone.ok", "tone.warn", "tone.error", "tone.dim", "text", "label",
            "breadcrumb", "breadcrumb.current", "flash.info", "flash.error");

    /** One slot's look; null colours mean the terminal's default. */
    public record Style(String fg, String bg, boolean bold, boolean reverse) {
        public static final Style PLAIN = new Style(null, null, false, false);
    }

    public Theme {
        styles = Map.copyOf(styles);
    }

    public Style style(String slot) {
        return styles.getOrDefault(slot, Style.PLAIN);
    }
}
