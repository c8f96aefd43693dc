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

    /** Jackson's reason without the source excerpt it appends on further lines. */
    public static String oneLine(com.fasterxml.jackson.core.JsonProcessingException e) {
        String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        // Jackson quotes offending characters as ('x' (code 120)); keep only the character.
        msg = msg.replaceAll("\\('(.)' \\(code \\d+\\)\\)", "'$1'");
        // What Jackson expected instead is a list of every JSON token kind: noise on one line.
        for (String tail : new String[] {": was expecting", ": expected", " (for root"}) {
            int cut = msg.indexOf(tail);
            if (cut > 0) {
                msg = msg.substring(0, cut);
            }
        }
        msg = msg.strip();
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            msg += " at line " + e.getLocation().getLineNr();
        }
        return msg;
    }
}
