package dev.skopos.config;

/** A user setting (keymap, theme, config file) that cannot be used, with a one-line reason. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    /** Jackson messages span lines; keep the part a user needs. */
    static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
