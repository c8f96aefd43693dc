package dev.skopos.analysis.skopos;

import dev.skopos.analysis.Resource;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** creationTimestamp, the tie-breaker Istio uses wherever several configs compete (oldest wins). */
final class Created {

    private Created() {
    }

    /**
     * The object's creation time; objects from files usually have none and sort as the epoch, so Istio's
     * next tie-breaker (name, then namespace: sortConfigByCreationTime) decides among them.
     */
    static Instant of(Resource r) {
        String text = r.metadata().path("creationTimestamp").asText("");
        try {
            return text.isEmpty() ? Instant.EPOCH : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
