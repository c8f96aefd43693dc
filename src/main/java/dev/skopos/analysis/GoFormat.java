package dev.skopos.analysis;

import java.util.List;

/**
 * Go's fmt verbs as istioctl's messages use them: %s and %v (plain), %q (a Go-quoted string),
 * %d (integer), %% (percent). Messages must read exactly as istioctl prints them.
 */
public final class GoFormat {

    private GoFormat() {
    }

    public static String format(String template, List<?> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%' || i + 1 >= template.length()) {
                out.append(c);
                continue;
            }
            char verb = template.charAt(++i);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            Object arg = next < args.size() ? args.get(next++) : null;
            if (arg == null && next > args.size()) {
                out.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            switch (verb) {
                case 'q' -> out.append(quote(String.valueOf(arg)));
                case 'd' -> out.append(arg instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(arg));
                default -> out.append(value(arg));
            }
        }
        return out.toString();
    }

    /** %v of a list is Go's {@code [a b c]}. */
    private static String value(Object arg) {
        if (arg instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    b.append(' ');
                }
                b.append(list.get(i));
            }
            return b.append(']').toString();
        }
        return String.valueOf(arg);
    }

    /** strconv.Quote: double quotes, Go escapes, non-printables as \\u or \\x. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
