package dev.skopos.analysis.networking;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a regular expression is valid RE2 (what Envoy and Go's regexp accept), with an error
 * worded like Go's {@code regexp.Compile}. Java's engine accepts more than RE2 (lookaround,
 * backreferences, possessive and atomic forms), so those are rejected first; anything Java itself
 * rejects is invalid in RE2 too. The wording matches Go for the common mistakes; rarer ones fall
 * back to Java's description.
 */
public final class Re2Syntax {

    private Re2Syntax() {
    }

    /** Go's error text for an invalid expression, or empty when it compiles. */
    public static Optional<String> error(String re) {
        Optional<String> unsupported = unsupported(re);
        if (unsupported.isPresent()) {
            return unsupported;
        }
        try {
            Pattern.compile(re);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of("error parsing regexp: " + goWording(e, re));
        }
    }

    private static Optional<String> unsupported(String re) {
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(i + 1);
                if (!inClass && n >= '1' && n <= '9' || "ZGhHRXkKV".indexOf(n) >= 0) {
                    return Optional.of("error parsing regexp: invalid escape sequence: `\\" + n + "`");
                }
                i++;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            if (c == '[') {
                inClass = true;
                if (i + 1 < re.length() && re.charAt(i + 1) == ']') {
                    i++; // a leading ] is a literal inside the class
                }
            } else if (c == '(' && re.startsWith("(?", i)) {
                for (String perl : new String[] {"(?=", "(?!", "(?<=", "(?<!", "(?>"}) {
                    if (re.startsWith(perl, i)) {
                        return Optional.of("error parsing regexp: invalid or unsupported Perl syntax: `" + perl + "`");
                    }
                }
            } else if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < re.length() && re.charAt(i + 1) == '+') {
                return Optional.of("error parsing regexp: invalid nested repetition operator: `" + c + "+`");
            }
        }
        return Optional.empty();
    }

    private static String goWording(PatternSyntaxException e, String re) {
        String d = e.getDescription();
        if (d.startsWith("Unclosed group")) {
            return "missing closing ): `" + re + "`";
        }
        if (d.startsWith("Unmatched closing ')'")) {
            return "unexpected ): `" + re + "`";
        }
        if (d.startsWith("Unclosed character class")) {
            int open = re.lastIndexOf('[');
            return "missing closing ]: `" + (open < 0 ? re : re.substring(open)) + "`";
        }
        if (d.startsWith("Dangling meta character")) {
            int at = Math.max(0, e.getIndex());
            return "missing argument to repetition operator: `" + re.charAt(Math.min(at, re.length() - 1)) + "`";
        }
        if (d.startsWith("Illegal character range")) {
            return "invalid character class range: `" + re + "`";
        }
        if (d.contains("escape sequence") || d.startsWith("Illegal/unsupported escape")) {
            int at = Math.max(0, Math.min(e.getIndex(), re.length() - 1));
            int start = re.lastIndexOf('\\', at);
            return "invalid escape sequence: `" + (start < 0 ? re : re.substring(start, Math.min(start + 2, re.length()))) + "`";
        }
        return d + ": `" + re + "`";
    }
}
