package dev.skopos.envoy.config;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Jackson's complaints cut down to one line, as the CLI and views show parse failures verbatim. */
final class Messages {

    private Messages() {
    }

    static String oneLine(JsonProcessingException e) {
        String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        msg = msg.replaceAll("\\('(.)' \\(code \\d+\\)\\)", "'$1'");
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
