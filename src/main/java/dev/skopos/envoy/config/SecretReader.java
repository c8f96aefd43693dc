package dev.skopos.envoy.config;

import static dev.skopos.envoy.config.Proto.get;
import static dev.skopos.envoy.config.Proto.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/** Dynamic and static secrets to {@link SecretConfig} records, private keys dropped. */
final class SecretReader {

    // Fields that hold key material or passwords in a Secret; removed before anything is kept.
    private static final List<String> SENSITIVE = List.of("private_key", "privateKey", "password",
            "private_key_provider", "privateKeyProvider", "generic_secret", "genericSecret",
            "session_ticket_keys", "sessionTicketKeys");

    private SecretReader() {
    }

    static SecretConfig read(JsonNode entry, String state, boolean keepRaw) {
        scrub(entry);
        JsonNode secret = get(entry, "secret");
        String version = text(entry, "version_info");
        if (state.equals("ACTIVE") && version.equals("uninitialized")) {
            state = "UNINITIALIZED";
        }
        List<SecretConfig.Certificate> chain = certificates(get(get(secret, "tls_certificate"), "certificate_chain"));
        JsonNode validation = get(secret, "validation_context");
        List<SecretConfig.Certificate> ca = certificates(get(validation, "trusted_ca"));
        List<SecretConfig.TrustDomainBundle> domains = new ArrayList<>();
        JsonNode validator = get(get(validation, "custom_validator_config"), "typed_config");
        for (JsonNode td : get(validator, "trust_domains")) {
            domains.add(new SecretConfig.TrustDomainBundle(text(td, "name"), certificates(get(td, "trust_bundle"))));
        }
        SecretConfig.Kind kind = !chain.isEmpty() ? SecretConfig.Kind.CERT_CHAIN
                : !ca.isEmpty() || !domains.isEmpty() ? SecretConfig.Kind.CA : SecretConfig.Kind.EMPTY;
        String name = text(entry, "name");
        if (name.isEmpty()) {
            name = text(secret, "name");
        }
        return new SecretConfig(name, kind, state, version, Proto.instant(get(entry, "last_updated")),
                chain.isEmpty() ? ca : chain, List.copyOf(domains), keepRaw ? entry : null);
    }

    /** Removes key material anywhere in the tree, so neither records nor raw JSON can leak it. */
    private static void scrub(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            obj.remove(SENSITIVE);
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
            scrub(it.next());
        }
    }

    /** The certificates of a DataSource holding PEM ({@code inline_bytes} base64, or {@code inline_string}). */
    static List<SecretConfig.Certificate> certificates(JsonNode source) {
        byte[] data;
        if (get(source, "inline_bytes").isTextual()) {
            try {
                data = Base64.getMimeDecoder().decode(text(source, "inline_bytes"));
            } catch (IllegalArgumentException e) {
                return List.of();
            }
        } else if (get(source, "inline_string").isTextual()) {
            data = text(source, "inline_string").getBytes(StandardCharsets.UTF_8);
        } else {
            return List.of();
        }
        if (data.length == 0) {
            return List.of();
        }
        try {
            Collection<? extends java.security.cert.Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(data));
            List<SecretConfig.Certificate> out = new ArrayList<>();
            for (java.security.cert.Certificate c : certs) {
                if (c instanceof X509Certificate x) {
                    out.add(describe(x));
                }
            }
            return List.copyOf(out);
        } catch (CertificateException e) {
            return List.of(); // an unreadable PEM shows as a secret without certificate data, like istioctl
        }
    }

    private static SecretConfig.Certificate describe(X509Certificate x) {
        List<String> sans = new ArrayList<>();
        String spiffe = "";
        try {
            Collection<List<?>> alt = x.getSubjectAlternativeNames();
            if (alt != null) {
                for (List<?> san : alt) {
                    String value = String.valueOf(san.get(1));
                    sans.add(value);
                    if (spiffe.isEmpty() && value.startsWith("spiffe://")) {
                        spiffe = value;
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // SANs are a nicety; the dates and serial still matter.
        }
        return new SecretConfig.Certificate(x.getSerialNumber(), x.getNotBefore().toInstant(),
                x.getNotAfter().toInstant(), x.getSubjectX500Principal().getName(),
                x.getIssuerX500Principal().getName(), List.copyOf(sans), x.getBasicConstraints() >= 0, spiffe);
    }
}
