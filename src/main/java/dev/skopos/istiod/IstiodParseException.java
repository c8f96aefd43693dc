package dev.skopos.istiod;

/**
 * An istiod answer other than syncz ({@code /metrics}, ControlZ {@code /scopej/}) that cannot be
 * read. The message is one line, naming the line number where there is one, for views to show as is.
 */
public class IstiodParseException extends RuntimeException {

    public IstiodParseException(String message) {
        super(message);
    }

    public IstiodParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
