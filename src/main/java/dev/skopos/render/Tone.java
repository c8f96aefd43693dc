package dev.skopos.render;

/** What a piece of text means, for the theme to colour: render decides meaning, the TUI looks. */
public enum Tone { NORMAL, OK, WARN, ERROR, DIM, LABEL, HEADING }
