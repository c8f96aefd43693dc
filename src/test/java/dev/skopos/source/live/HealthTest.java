package dev.skopos.source.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthTest {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void aWatchReopenedWithinMomentsRaisesNoBannerButOneStillDownDoes() {
        Health lost = new Health(false, T0, null, null, null);
        assertThat(lost.banner(T0.plusSeconds(1))).as("the server closed a watch; fabric8 re-opens it").isEmpty();
        assertThat(lost.banner(T0.plusSeconds(4))).isEqualTo("watch lost, reconnecting, data from 4s ago");
    }

    @Test
    void aFailureIsShownAtOnceWithItsReasonAndTheAgeOfTheData() {
        Health failing = new Health(false, T0, null, "API server unreachable: Connection refused", T0);
        assertThat(failing.banner(T0)).isEqualTo("API server unreachable: Connection refused, data from 0s ago");
        assertThat(failing.banner(T0.plusSeconds(150))).endsWith("data from 2m ago");
        assertThat(new Health(true, null, null, "old", T0).banner(T0)).isEmpty();
    }

    @Test
    void severalKindsAreAsStaleAsTheEarliestBreakWithTheNewestReason() {
        Health pods = new Health(false, T0.plusSeconds(10), null, "pods: timeout", T0.plusSeconds(10));
        Health services = new Health(false, T0, null, "services: refused", T0.plusSeconds(20));
        Health combined = Health.combine(List.of(pods, services, Health.IDLE));
        assertThat(combined.connected()).isFalse();
        assertThat(combined.disconnectedSince()).isEqualTo(T0);
        assertThat(combined.lastError()).isEqualTo("services: refused");
    }
}
