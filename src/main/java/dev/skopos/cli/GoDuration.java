package dev.skopos.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Go's time.ParseDuration for flags istioctl declares as durations ({@code 30s}, {@code 1m30s}, {@code 500ms}). */
final class GoDuration implements ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(value);
        int at = 0;
        double nanos = 0;
        while (at < value.length() && m.find(at) && m.start() == at) {
            nanos += Double.parseDouble(m.group(1)) * unit(m.group(2));
            at = m.end();
        }
        if (at == 0 || at != value.length()) {
            throw new TypeConversionException("invalid duration \"" + value + "\"");
        }
        return Duration.ofNanos((long) nanos);
    }

    private static double unit(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
    }
}
