package dev.skopos.istiod;

/**
 * An istiod sync report that cannot be read. The message is one line naming the replica and the
 * format, e.g. {@code istiod-7d4f74889d-mb5dh syncz (xds): not JSON (...)}, for views to show as is.
 */
public class SynczParseException extends RuntimeException {

    public SynczParseException(String message, Throwable cause) {
        super(message, cause);
    }

    public SynczParseException(String message) {
        super(message);
    }
}
