package dev.skopos.mesh;

import java.time.Duration;
import java.time.Instant;

/**
 * When a certificate's expiry is worth an alarm. Istio workload certificates live 24h and are
 * rotated at half-life, so short-lived ones are judged by their lifetime: a quarter left means
 * rotation has been failing for hours. Long-lived ones (CAs, gateway certs) warn a week ahead and
 * are an error in their last day.
 */
public final class CertExpiry {

    public enum Level { OK, WARNING, ERROR }

    static final Duration SHORT_LIVED = Duration.ofDays(7);
    static final Duration WARN_BEFORE = Duration.ofDays(7);
    static final Duration ERROR_BEFORE = Duration.ofDays(1);

    private CertExpiry() {
    }

    /** @param notBefore null when unknown (the certificate is then judged as long-lived) */
    public static Level judge(Instant notBefore, Instant notAfter, Instant now) {
        Duration left = Duration.between(now, notAfter);
        if (left.isNegative() || left.isZero()) {
            return Level.ERROR;
        }
        Duration lifetime = notBefore == null ? null : Duration.between(notBefore, notAfter);
        if (lifetime != null && lifetime.compareTo(SHORT_LIVED) <= 0) {
            return left.compareTo(lifetime.dividedBy(4)) < 0 ? Level.ERROR : Level.OK;
        }
        if (left.compareTo(ERROR_BEFORE) < 0) {
            return Level.ERROR;
        }
        return left.compareTo(WARN_BEFORE) < 0 ? Level.WARNING : Level.OK;
    }
}
