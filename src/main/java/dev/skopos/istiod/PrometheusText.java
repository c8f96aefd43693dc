package dev.skopos.istiod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus text exposition format 0.0.4, the body of istiod's {@code /metrics}: samples with
 * their labels, and the {@code # TYPE} of each family. HELP and other comments are skipped; a line
 * that is not a sample fails with its line number, so a truncated scrape is reported, not guessed.
 */
public final class PrometheusText {

    /** One sample line: {@code name{labels} value [timestamp]}; the timestamp is dropped. */
    public record Sample(String name, Map<String, String> labels, double value) {

        public Sample {
            labels = Map.copyOf(labels);
        }

        public String label(String key) {
            return labels.getOrDefault(key, "");
        }
    }

    /**
     * @param samples every sample in order
     * @param types   family name to its TYPE (counter, gauge, histogram, summary, untyped)
     */
    public record Exposition(List<Sample> samples, Map<String, String> types) {

        public Exposition {
            samples = List.copyOf(samples);
            types = Map.copyOf(types);
        }

        /** Samples of exactly this name. */
        public List<Sample> named(String name) {
            return samples.stream().filter(s -> s.name().equals(name)).toList();
        }
    }

    private PrometheusText() {
    }

    public static Exposition parse(String body) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] parts = line.substring(1).strip().split("\\s+", 3);
                if (parts.length >= 3 && parts[0].equals("TYPE")) {
                    types.put(parts[1], parts[2].strip());
                }
                continue;
            }
            samples.add(new LineReader(line, i + 1).sample());
        }
        return new Exposition(samples, types);
    }

    /** Reads one sample line left to right; Go's client and istiod never put spaces inside names. */
    private static final class LineReader {
        private final String line;
        private final int number;
        private int pos;

        LineReader(String line, int number) {
            this.line = line;
            this.number = number;
        }

        Sample sample() {
            String name = name("metric name");
            skipSpaces();
            Map<String, String> labels = new LinkedHashMap<>();
            if (peek() == '{') {
                pos++;
                labels(labels);
            }
            skipSpaces();
            int start = pos;
            while (pos < line.length() && !Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw fail("no value after " + name);
            }
            double value = number(line.substring(start, pos));
            return new Sample(name, labels, value);
        }

        private void labels(Map<String, String> labels) {
            skipSpaces();
            while (peek() != '}') {
                String key = name("label name");
                skipSpaces();
                expect('=');
                skipSpaces();
                expect('"');
                labels.put(key, quoted());
                skipSpaces();
                if (peek() == ',') {
                    pos++;
                    skipSpaces();
                } else if (peek() != '}') {
                    throw fail("expected ',' or '}' after label " + key);
                }
            }
            pos++;
        }

        /** A label value after its opening quote; {@code \\}, {@code \"} and {@code \n} are the only escapes. */
        private String quoted() {
            StringBuilder out = new StringBuilder();
            while (pos < line.length()) {
                char c = line.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\' && pos < line.length()) {
                    char e = line.charAt(pos++);
                    out.append(e == 'n' ? '\n' : e);
                } else {
                    out.append(c);
                }
            }
            throw fail("unterminated label value");
        }

        private String name(String what) {
            int start = pos;
            while (pos < line.length()) {
                char c = line.charAt(pos);
                boolean ok = Character.isLetter(c) || c == '_' || c == ':' || (pos > start && Character.isDigit(c));
                if (!ok || c > 127) {
                    break;
                }
                pos++;
            }
            if (start == pos) {
                throw fail("expected a " + what + " at column " + (pos + 1));
            }
            return line.substring(start, pos);
        }

        private double number(String text) {
            switch (text) {
                case "NaN":
                    return Double.NaN;
                case "+Inf", "Inf":
                    return Double.POSITIVE_INFINITY;
                case "-Inf":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw fail("not a number: " + text);
                    }
            }
        }

        private char peek() {
            if (pos >= line.length()) {
                throw fail("line ends too early");
            }
            return line.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw fail("expected '" + c + "' at column " + (pos + 1));
            }
            pos++;
        }

        private void skipSpaces() {
            while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private IstiodParseException fail(String why) {
            String shown = line.length() > 80 ? line.substring(0, 80) + "…" : line;
            return new IstiodParseException("metrics line " + number + ": " + why + ": " + shown);
        }
    }
}
