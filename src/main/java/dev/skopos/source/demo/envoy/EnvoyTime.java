package dev.skopos.source.demo.envoy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps the way Envoy's admin writes them: RFC 3339 UTC with milliseconds. */
public final class EnvoyTime {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private EnvoyTime() {}

    public static String format(Instant instant) {
        return MILLIS.format(instant);
    }
}
