package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Optional;

/**
 * Whether a Secret would serve as a gateway credential the way istiod reads it: a certificate and
 * key under {@code cert}/{@code key} (generic) or else {@code tls.crt}/{@code tls.key}, both
 * non-empty, where the certificate's first PEM block parses as X.509 and is valid now. Only the
 * certificate is inspected; key material is never decoded or shown.
 */
final class GatewayCredentials {

    private GatewayCredentials() {
    }

    static boolean usable(JsonNode secret, Instant now) {
        return certificate(secret.path("data")).map(pem -> validCertificate(pem, now)).orElse(false);
    }

    /** The certificate bytes istiod would pick, or empty when neither key pair is present and non-empty. */
    static Optional<byte[]> certificate(JsonNode data) {
        for (String[] pair : new String[][] {{"cert", "key"}, {"tls.crt", "tls.key"}}) {
            byte[] cert = decode(data.path(pair[0]));
            byte[] key = decode(data.path(pair[1]));
            if (cert.length > 0 && key.length > 0) {
                return Optional.of(cert);
            }
        }
        return Optional.empty();
    }

    /** The first PEM block must hold DER certificates, each within its validity period. */
    static boolean validCertificate(byte[] pem, Instant now) {
        Optional<byte[]> der = firstPemBlock(new String(pem, StandardCharsets.ISO_8859_1));
        if (der.isEmpty() || der.get().length == 0) {
            return false;
        }
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(der.get()));
            if (certs.isEmpty()) {
                return false;
            }
            for (Certificate c : certs) {
                ((X509Certificate) c).checkValidity(Date.from(now));
            }
            return true;
        } catch (GeneralSecurityException | ClassCastException e) {
            return false;
        }
    }

    /** The base64 body of the first {@code -----BEGIN X-----} … {@code -----END X-----} block, decoded. */
    static Optional<byte[]> firstPemBlock(String text) {
        int begin = text.indexOf("-----BEGIN ");
        while (begin >= 0) {
            int typeEnd = text.indexOf("-----", begin + 11);
            int lineEnd = text.indexOf('\n', begin);
            if (typeEnd < 0 || lineEnd < 0 || typeEnd > lineEnd) {
                begin = text.indexOf("-----BEGIN ", begin + 1);
                continue;
            }
            String type = text.substring(begin + 11, typeEnd);
            int end = text.indexOf("-----END " + type + "-----", lineEnd);
            if (end < 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(Base64.getMimeDecoder().decode(text.substring(lineEnd + 1, end)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static byte[] decode(JsonNode value) {
        if (!value.isTextual()) {
            return new byte[0];
        }
        try {
            return Base64.getMimeDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
