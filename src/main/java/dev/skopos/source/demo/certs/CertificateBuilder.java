package dev.skopos.source.demo.certs;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * Builds and signs one X.509 v3 certificate (ECDSA P-256, SHA-256) shaped like Istio's: a CA with
 * subject {@code O=cluster.local}, or a workload certificate with an empty subject and a critical
 * URI SAN carrying the SPIFFE id.
 */
public final class CertificateBuilder {

    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String ORGANIZATION = "2.5.4.10";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXT_KEY_USAGE = "2.5.29.37";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private BigInteger serial = BigInteger.ONE;
    private String issuerOrganization = "cluster.local";
    private String subjectOrganization;
    private Instant notBefore;
    private Instant notAfter;
    private PublicKey publicKey;
    private String spiffeId;
    private boolean ca;

    public CertificateBuilder serial(BigInteger value) { serial = value; return this; }
    public CertificateBuilder issuer(String organization) { issuerOrganization = organization; return this; }
    /** Subject O=...; workload certificates leave it unset (empty subject), as Istio issues them. */
    public CertificateBuilder subject(String organization) { subjectOrganization = organization; return this; }
    public CertificateBuilder validity(Instant from, Instant to) { notBefore = from; notAfter = to; return this; }
    public CertificateBuilder publicKey(PublicKey key) { publicKey = key; return this; }
    public CertificateBuilder spiffeId(String uri) { spiffeId = uri; return this; }
    public CertificateBuilder ca(boolean value) { ca = value; return this; }

    public X509Certificate sign(PrivateKey issuerKey, SecureRandom random) {
        byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(serial),
                algorithm,
                name(issuerOrganization),
                Der.sequence(Der.time(notBefore), Der.time(notAfter)),
                name(subjectOrganization),
                publicKey.getEncoded(),
                Der.explicit(3, extensions()));
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(issuerKey, random);
            signer.update(tbs);
            byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign demo certificate", e);
        }
    }

    private byte[] extensions() {
        if (ca) {
            return Der.sequence(
                    extension(KEY_USAGE, true, Der.bitString(new byte[] {(byte) 0x06})), // keyCertSign, cRLSign
                    extension(BASIC_CONSTRAINTS, true, Der.sequence(Der.bool(true))));
        }
        byte[] san = Der.sequence(Der.implicitPrimitive(6, spiffeId.getBytes(StandardCharsets.US_ASCII)));
        return Der.sequence(
                extension(KEY_USAGE, true, Der.bitString(new byte[] {(byte) 0xa0})), // digitalSignature, keyEncipherment
                extension(EXT_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH), Der.oid(CLIENT_AUTH))),
                extension(BASIC_CONSTRAINTS, true, Der.sequence()),
                // critical because the subject is empty (RFC 5280 4.2.1.6)
                extension(SUBJECT_ALT_NAME, true, san));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    private static byte[] name(String organization) {
        if (organization == null) {
            return Der.sequence();
        }
        return Der.sequence(Der.set(Der.sequence(Der.oid(ORGANIZATION), Der.utf8String(organization))));
    }
}
