package dev.skopos.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code /} filter: a case-insensitive regex over a row's text, inverted by a leading
 * {@code !} (k9s habit). A pattern that is not a valid regex is matched literally, and says so,
 * rather than refusing the user's input mid-incident.
 */
public record RowFilter(String spec, Pattern pattern, boolean inverted, String problem) {

    public static final RowFilter NONE = new RowFilter("", null, false, null);

    public static RowFilter parse(String spec) {
        if (spec == null || spec.isEmpty() || spec.equals("!")) {
            return NONE;
        }
        boolean inverted = spec.startsWith("!");
        String body = inverted ? spec.substring(1) : spec;
        try {
            return new RowFilter(spec, Pattern.compile(body, Pattern.CASE_INSENSITIVE), inverted, null);
        } catch (PatternSyntaxException e) {
            return new RowFilter(spec, Pattern.compile(Pattern.quote(body), Pattern.CASE_INSENSITIVE), inverted,
                    "not a valid regex (" + e.getDescription() + "), matching it literally");
        }
    }

    public boolean active() {
        return pattern != null;
    }

    public boolean matches(Row row) {
        return matchesText(row.searchText());
    }

    public boolean matchesText(String text) {
        if (pattern == null) {
            return true;
        }
        return pattern.matcher(text).find() != inverted;
    }

    /** Character ranges {@code [start, end)} to highlight in one cell; none when inverted. */
    public List<int[]> highlights(String text) {
        List<int[]> spans = new ArrayList<>();
        if (pattern == null || inverted) {
            return spans;
        }
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.end() > m.start()) {
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        return spans;
    }
}
