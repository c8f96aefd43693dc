package dev.skopos.render.istioctl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.util.List;
import java.util.regex.Pattern;

/**
 * JSON to YAML the way istioctl does it ({@code sigs.k8s.io/yaml.JSONToYAML}, i.e. go-yaml v2):
 * map keys in go-yaml's natural order, sequences not indented under their key, strings plain when
 * they would read back as the same string and quoted otherwise, long lines folded at spaces past
 * column 80.
 */
public final class GoYaml {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final int BEST_WIDTH = 80;
    private static final Pattern FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final Pattern BASE60 = Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");
    private static final Pattern INT = Pattern.compile("^[-+]?(0[bB][01]+|0[oO]?[0-7]*|0[xX][0-9a-fA-F]+|[1-9][0-9]*)$");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^\\d{4}-\\d{1,2}-\\d{1,2}(?:[Tt]\\d{1,2}:\\d{1,2}:\\d{1,2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2})"
                    + "| \\d{1,2}:\\d{1,2}:\\d{1,2}(?:\\.\\d+)?)?$");
    private static final List<String> NON_STRINGS = List.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null",
            "NULL", "~", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf",
            "-.INF", "");

    private final StringBuilder out = new StringBuilder();
    private int column;

    private GoYaml() {
    }

    /** {@code json} as YAML, ending with a newline. */
    public static String fromJson(String json) {
        try {
            return of(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String of(JsonNode node) {
        GoYaml y = new GoYaml();
        y.top(node);
        return y.out.toString();
    }

    private void top(JsonNode n) {
        if (n.isObject() && !n.isEmpty()) {
            mapping(n, 0, false);
        } else if (n.isArray() && !n.isEmpty()) {
            sequence(n, 0, false);
        } else {
            scalarOrEmpty(n, 2);
            newline();
        }
    }

    /** A block mapping whose keys sit at {@code indent}; {@code inline}: the first key follows "- ". */
    private void mapping(JsonNode m, int indent, boolean inline) {
        boolean first = true;
        for (String key : GoYamlKeys.sorted(m)) {
            if (!(first && inline)) {
                pad(indent);
            }
            first = false;
            string(key, indent + 2, true);
            write(":");
            value(m.get(key), indent, true);
        }
    }

    /** A block sequence whose dashes sit at {@code indent}. */
    private void sequence(JsonNode s, int indent, boolean inline) {
        boolean first = true;
        for (JsonNode item : s) {
            if (!(first && inline)) {
                pad(indent);
            }
            first = false;
            write("- ");
            if (item.isObject() && !item.isEmpty()) {
                mapping(item, indent + 2, true);
            } else if (item.isArray() && !item.isEmpty()) {
                sequence(item, indent + 2, true);
            } else {
                scalarOrEmpty(item, indent + 2);
                newline();
            }
        }
    }

    /** What follows {@code key:} for a key at {@code indent}. */
    private void value(JsonNode v, int indent, boolean afterKey) {
        if (v.isObject() && !v.isEmpty()) {
            newline();
            mapping(v, indent + 2, false);
        } else if (v.isArray() && !v.isEmpty()) {
            newline();
            sequence(v, indent, false); // go-yaml does not indent a sequence under its key
        } else {
            write(" ");
            scalarOrEmpty(v, indent + 2);
            newline();
        }
    }

    private void scalarOrEmpty(JsonNode v, int scalarIndent) {
        if (v.isObject()) {
            write("{}");
        } else if (v.isArray()) {
            write("[]");
        } else if (v.isTextual()) {
            string(v.asText(), scalarIndent, false);
        } else if (v.isNull() || v.isMissingNode()) {
            write("null");
        } else if (v.isBigDecimal() || v.isDouble() || v.isFloat()) {
            write(goFloat(v.doubleValue()));
        } else {
            write(v.asText());
        }
    }

    /** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)}: shortest digits, exponent below 1e-4 and from 1e21. */
    static String goFloat(double d) {
        if (d == 0) {
            return "0";
        }
        java.math.BigDecimal bd = new java.math.BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 21) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        return sign + bd.toPlainString();
    }

    private void string(String s, int indent, boolean key) {
        boolean resolvesToString = !NON_STRINGS.contains(s) && !BASE60.matcher(s).matches() && !numberOrTime(s);
        Analysis a = Analysis.of(s);
        if (s.contains("\n") && !key && a.blockAllowed) {
            literal(s, indent);
        } else if (s.contains("\n") || !resolvesToString) {
            doubleQuoted(s, indent, !key);
        } else if (a.blockPlainAllowed) {
            plain(s, indent, !key);
        } else if (a.singleQuotedAllowed) {
            singleQuoted(s, indent, !key);
        } else {
            doubleQuoted(s, indent, !key);
        }
    }

    private static boolean numberOrTime(String s) {
        char c = s.charAt(0);
        if (c == '.') {
            return FLOAT.matcher(s).matches();
        }
        if (!(c == '+' || c == '-' || (c >= '0' && c <= '9'))) {
            return false;
        }
        if (TIMESTAMP.matcher(s).matches()) {
            return true;
        }
        String plain = s.replace("_", "");
        return INT.matcher(plain).matches() || FLOAT.matcher(plain).matches();
    }

    private void plain(String s, int indent, boolean breaks) {
        boolean spaces = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (breaks && !spaces && column > BEST_WIDTH && !(i + 1 < s.length() && s.charAt(i + 1) == ' ')) {
                    breakLine(indent);
                } else {
                    write(c);
                }
                spaces = true;
            } else {
                write(c);
                spaces = false;
            }
        }
    }

    private void singleQuoted(String s, int indent, boolean breaks) {
        write("'");
        boolean spaces = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (breaks && !spaces && column > BEST_WIDTH && i != 0 && i != s.length() - 1
                        && s.charAt(i + 1) != ' ') {
                    breakLine(indent);
                } else {
                    write(c);
                }
                spaces = true;
            } else {
                write(c == '\'' ? "''" : String.valueOf(c));
                spaces = false;
            }
        }
        write("'");
    }

    private void doubleQuoted(String s, int indent, boolean breaks) {
        write("\"");
        boolean spaces = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!printable(c) || c == '\uFEFF' || c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028'
                    || c == '\u2029' || c == '"' || c == '\\') {
                write(escape(c));
                spaces = false;
            } else if (c == ' ') {
                if (breaks && !spaces && column > BEST_WIDTH && i != 0 && i != s.length() - 1) {
                    breakLine(indent);
                    if (s.charAt(i + 1) == ' ') {
                        write("\\");
                    }
                } else {
                    write(c);
                }
                spaces = true;
            } else {
                write(c);
                spaces = false;
            }
        }
        write("\"");
    }

    private static String escape(char c) {
        return switch (c) {
            case '\0' -> "\\0";
            case 0x07 -> "\\a";
            case '\b' -> "\\b";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case 0x0B -> "\\v";
            case '\f' -> "\\f";
            case '\r' -> "\\r";
            case 0x1B -> "\\e";
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\u0085' -> "\\N";
            case '\u00A0' -> "\\_";
            case '\u2028' -> "\\L";
            case '\u2029' -> "\\P";
            default -> c <= 0xFF ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c);
        };
    }

    private void literal(String s, int indent) {
        write("|");
        if (s.charAt(0) == ' ' || s.charAt(0) == '\n') {
            write("2");
        }
        if (!s.endsWith("\n")) {
            write("-");
        } else if (s.length() == 1 || s.charAt(s.length() - 2) == '\n') {
            write("+");
        }
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        for (String line : body.split("\n", -1)) {
            newline();
            if (!line.isEmpty()) {
                pad(indent);
                write(line);
            }
        }
        if (s.endsWith("\n") && s.length() > 1 && s.charAt(s.length() - 2) == '\n') {
            // "keep" chomping: the trailing empty lines are already written by the split
        }
    }

    private static boolean printable(char c) {
        return c == 0x0A || (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) || Character.isSurrogate(c);
    }

    /** go-yaml's scalar analysis, reduced to the block-context answers. */
    private record Analysis(boolean blockPlainAllowed, boolean singleQuotedAllowed, boolean blockAllowed) {

        static Analysis of(String v) {
            if (v.isEmpty()) {
                return new Analysis(true, true, false);
            }
            boolean blockIndicators = v.startsWith("---") || v.startsWith("...");
            boolean special = false;
            boolean leadingSpace = false;
            boolean leadingBreak = false;
            boolean trailingSpace = false;
            boolean trailingBreak = false;
            boolean breakSpace = false;
            boolean spaceBreak = false;
            boolean lineBreaks = false;
            boolean previousSpace = false;
            boolean previousBreak = false;
            boolean precededByWhitespace = true;
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                boolean followedByWhitespace = i + 1 >= v.length() || v.charAt(i + 1) == ' ' || v.charAt(i + 1) == '\t';
                if (i == 0) {
                    if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
                        blockIndicators = true;
                    } else if ((c == '?' || c == ':' || c == '-') && followedByWhitespace) {
                        blockIndicators = true;
                    }
                } else if (c == ':' && followedByWhitespace) {
                    blockIndicators = true;
                } else if (c == '#' && precededByWhitespace) {
                    blockIndicators = true;
                }
                if (!printable(c)) {
                    special = true;
                }
                boolean isBreak = c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
                if (c == ' ') {
                    leadingSpace |= i == 0;
                    trailingSpace |= i == v.length() - 1;
                    breakSpace |= previousBreak;
                    previousSpace = true;
                    previousBreak = false;
                } else if (isBreak) {
                    lineBreaks = true;
                    leadingBreak |= i == 0;
                    trailingBreak |= i == v.length() - 1;
                    spaceBreak |= previousSpace;
                    previousSpace = false;
                    previousBreak = true;
                } else {
                    previousSpace = false;
                    previousBreak = false;
                }
                precededByWhitespace = c == ' ' || c == '\t' || isBreak;
            }
            boolean plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || spaceBreak
                    || special || lineBreaks || blockIndicators);
            boolean single = !(breakSpace || spaceBreak || special);
            boolean block = !(trailingSpace || spaceBreak || special);
            return new Analysis(plain, single, block);
        }
    }

    /** go-yaml v2's key order: letters after other characters, digit runs compared as numbers. */
    private void pad(int n) {
        write(" ".repeat(n));
    }

    private void breakLine(int indent) {
        newline();
        pad(indent);
    }

    private void newline() {
        out.append('\n');
        column = 0;
    }

    private void write(String s) {
        out.append(s);
        column += s.length();
    }

    private void write(char c) {
        out.append(c);
        column++;
    }
}
