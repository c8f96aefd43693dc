package dev.skopos.source;

/**
 * Why a source could not answer, in words a user can act on. Views show {@link #getMessage()} in
 * place of the data they could not get; nothing upstream ever sees a transport exception.
 */
public class SourceException extends RuntimeException {

    public enum Reason { FORBIDDEN, NOT_FOUND, UNREACHABLE, TIMEOUT, MALFORMED, UNSUPPORTED, CLOSED }

    private final Reason reason;

    public SourceException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SourceException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The one line a user reads for any failure: the innermost meaningful message (futures wrap
     * the real cause), whitespace and line breaks collapsed. Stack traces belong in the log.
     */
    public static String describe(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            message = t.getClass().getSimpleName();
        }
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
