package dev.skopos.source.demo.certs;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo mesh's certificate authority: Istio's self-signed root plus an older root that is being
 * rotated out. Randomness comes from a seeded SHA1PRNG, so with a fixed clock every key, serial and
 * signature is the same from run to run (golden tests can compare PEM bytes).
 */
public final class DemoPki {

    /** A root CA: its key pair and self-signed certificate. */
    public record Root(String label, KeyPair keys, X509Certificate certificate) {}

    /** A workload certificate and the root that signed it. */
    public record Issued(X509Certificate certificate, Root root) {}

    private final Root current;
    private final Root previous;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    public DemoPki(Instant now) {
        // The current root: istiod's self-signed CA, ten years from its creation 30 days ago.
        Instant currentFrom = now.minus(Duration.ofDays(30));
        current = root("current", currentFrom, currentFrom.plus(Duration.ofDays(3650)), 0x1d0c_3a7fL);
        // The root the mesh is migrating away from: it expires in five days, which is why it is being
        // replaced; a proxy that still trusts only this root fails handshakes with everyone else.
        Instant previousTo = now.plus(Duration.ofDays(5));
        previous = root("previous", previousTo.minus(Duration.ofDays(3650)), previousTo, 0x0a11_ce5dL);
    }

    public Root current() {
        return current;
    }

    public Root previous() {
        return previous;
    }

    /**
     * Issues (once, then cached by {@code holder}, e.g. the pod name) a workload certificate for a
     * SPIFFE id, valid for {@code validity} from {@code from}.
     */
    public Issued workload(String holder, String spiffeId, Instant from, Duration validity, Root issuer) {
        // One random stream per identity: the bytes do not depend on which proxy is asked for first.
        return issued.computeIfAbsent(holder, id -> {
            SecureRandom random = seededRandom(id);
            KeyPair keys = newKey(random);
            X509Certificate cert = new CertificateBuilder()
                    .serial(new BigInteger(127, random))
                    .issuer("cluster.local")
                    .validity(from, from.plus(validity))
                    .publicKey(keys.getPublic())
                    .spiffeId(spiffeId)
                    .sign(issuer.keys().getPrivate(), random);
            return new Issued(cert, issuer);
        });
    }

    public static String pem(X509Certificate certificate) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM, base64-encoded once more, as Envoy shows {@code inline_bytes} in its config dump. */
    public static String inlineBytes(X509Certificate certificate) {
        return Base64.getEncoder().encodeToString(pem(certificate).getBytes(StandardCharsets.US_ASCII));
    }

    private Root root(String label, Instant from, Instant to, long serial) {
        SecureRandom random = seededRandom(label);
        KeyPair keys = newKey(random);
        X509Certificate cert = new CertificateBuilder()
                .serial(BigInteger.valueOf(serial).shiftLeft(64).or(new BigInteger(63, random)))
                .issuer("cluster.local")
                .subject("cluster.local")
                .validity(from, to)
                .publicKey(keys.getPublic())
                .ca(true)
                .sign(keys.getPrivate(), random);
        return new Root(label, keys, cert);
    }

    private static KeyPair newKey(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 unavailable", e);
        }
    }

    private static SecureRandom seededRandom(String label) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(("skopos-demo/" + label).getBytes(StandardCharsets.UTF_8));
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
