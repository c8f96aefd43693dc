package dev.skopos.envoy;

/**
 * An Envoy admin answer that cannot be read. The message is one line naming the endpoint and
 * section, e.g. {@code server_info: not JSON (Unexpected character 'x' at line 1)}, because views
 * show it verbatim in place of the data.
 */
public class EnvoyParseException extends RuntimeException {

    public EnvoyParseException(String message) {
        super(message);
    }

    public EnvoyParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
