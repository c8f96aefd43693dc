package dev.skopos.envoy;

import java.time.Instant;
import java.util.List;

/**
 * One certificate from Envoy's {@code /certs}: a workload certificate or a CA certificate.
 *
 * @param daysUntilExpiration as Envoy computes it at answer time (negative once expired)
 */
public record CertificateInfo(String path, String serialNumber, List<String> subjectAltNames, Instant validFrom,
                              Instant expiration, long daysUntilExpiration, boolean ca) {

    public CertificateInfo {
        subjectAltNames = List.copyOf(subjectAltNames);
    }
}
