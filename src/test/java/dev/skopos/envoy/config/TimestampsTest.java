package dev.skopos.envoy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    /** What {@code Proto.instant} answered before the fast path. */
    private static Instant reference(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2025-06-01T09:30:00Z", "2025-06-01T09:30:00.123Z", "2025-06-01T09:30:00.1Z", "2025-06-01T09:30:00.123456789Z",
        "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        // not the fast shape: offsets, lower case, no seconds, too many digits, empty fraction
        "2025-06-01T09:30:00+02:00", "2025-06-01T09:30:00.5-07:30", "2025-06-01t09:30:00z", "2025-06-01T09:30Z",
        "2025-06-01T09:30:00.1234567890Z", "2025-06-01T09:30:00.Z", "+12025-06-01T09:30:00Z",
        // unreadable: null both ways
        "2025-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-06-31T00:00:00Z", "2025-06-01T24:00:00Z",
        "2025-06-01T23:60:00Z", "2025-06-01T23:59:60Z", "2025-06-01T09:30:0xZ", "2025-06-01 09:30:00Z",
        "2025/06/01T09:30:00Z", "2025-06-01T09:30:00.12aZ", "not a date at all!!!!", "", "   ",
    })
    void answersWhatOffsetDateTimeAnswers(String text) {
        assertThat(Timestamps.parse(text)).isEqualTo(reference(text));
    }

    @Test
    void takesTheFastPathForEnvoysShape() {
        assertThat(Timestamps.utc("2025-06-01T09:30:00.123Z")).isEqualTo(Instant.parse("2025-06-01T09:30:00.123Z"));
        assertThat(Timestamps.utc("2025-06-01T09:30:00+00:00")).isNull();
    }

    @Test
    void agreesOnRandomInstantsAcrossFourCenturies() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 5_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 12_000_000_000L),
                    random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = at.toString(); // ISO, UTC, 0, 3, 6 or 9 fraction digits
            assertThat(Timestamps.parse(text)).as(text).isEqualTo(reference(text)).isEqualTo(at);
        }
    }
}
