package dev.skopos.envoy.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * One SDS secret. Private keys are dropped while parsing: neither the records nor {@code raw}
 * hold them.
 *
 * @param name         e.g. {@code default}, {@code ROOTCA}, {@code kubernetes://my-cert}
 * @param kind         what the secret carries
 * @param state        ACTIVE, WARMING, or UNINITIALIZED (active but {@code version_info: uninitialized})
 * @param versionInfo  the SDS version, "" when none
 * @param lastUpdated  null when absent
 * @param certificates the decoded certificates: the chain for a certificate, the CA bundle for a
 *                     validation context; empty when there is no PEM or it cannot be read
 * @param trustDomains SPIFFE trust-domain bundles of a {@code custom_validator_config}, in order
 * @param raw          the dynamic secret entry with private key bytes removed, or null
 */
public record SecretConfig(String name, Kind kind, String state, String versionInfo, Instant lastUpdated,
        List<Certificate> certificates, List<TrustDomainBundle> trustDomains, JsonNode raw) {

    public enum Kind { CERT_CHAIN, CA, EMPTY }

    /** The first certificate (leaf of a chain, first CA of a bundle), or null. */
    public Certificate first() {
        return certificates.isEmpty() ? null : certificates.get(0);
    }

    /**
     * A decoded X.509 certificate.
     *
     * @param serial       the serial number
     * @param notBefore    validity start
     * @param notAfter     validity end
     * @param subject      RFC 2253 subject
     * @param issuer       RFC 2253 issuer
     * @param sans         subject alternative names (URIs and DNS names) in order
     * @param ca           whether basic constraints say CA
     * @param spiffeId     the first {@code spiffe://} URI SAN, "" for none
     */
    public record Certificate(BigInteger serial, Instant notBefore, Instant notAfter, String subject, String issuer,
            List<String> sans, boolean ca, String spiffeId) {

        /** The serial's bytes in lowercase hex (so an even number of digits), as istioctl prints it. */
        public String serialHex() {
            String hex = serial.abs().toString(16);
            return (serial.signum() < 0 ? "-" : "") + (hex.length() % 2 == 1 ? "0" + hex : hex);
        }

        /** {@code spiffe://TD/...} gives TD; "" without a SPIFFE id. */
        public String trustDomain() {
            if (!spiffeId.startsWith("spiffe://")) {
                return "";
            }
            String rest = spiffeId.substring("spiffe://".length());
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }

        public boolean validAt(Instant now) {
            return now.isAfter(notBefore) && now.isBefore(notAfter);
        }
    }

    /** One trust domain's CA bundle from a SPIFFE validator. */
    public record TrustDomainBundle(String name, List<Certificate> certificates) {
    }
}
