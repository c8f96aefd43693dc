package dev.skopos.envoy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Envoy's {@code GET /certs}: {@code certificates[]}, each with the CA certificates and
 * the certificate chain of one TLS context. Envoy repeats a certificate for every context that
 * uses it; the list keeps the repeats, in Envoy's order, so a view can tell how many contexts
 * share one.
 */
public final class CertsParser {

    private CertsParser() {
    }

    /** @throws EnvoyParseException when the answer is not a JSON object */
    public static List<CertificateInfo> parse(String certsJson) {
        JsonNode root = ProtoJson.readObject("certs", certsJson);
        List<CertificateInfo> out = new ArrayList<>();
        for (JsonNode context : root.path("certificates")) {
            for (JsonNode ca : context.path("ca_cert")) {
                out.add(details(ca, true));
            }
            for (JsonNode cert : context.path("cert_chain")) {
                out.add(details(cert, false));
            }
        }
        return List.copyOf(out);
    }

    private static CertificateInfo details(JsonNode d, boolean ca) {
        List<String> sans = new ArrayList<>();
        for (JsonNode san : d.path("subject_alt_names")) {
            // A SubjectAlternateName is a oneof: uri (SPIFFE ids), dns or ip_address.
            for (String kind : List.of("uri", "dns", "ip_address")) {
                String v = ProtoJson.text(san, kind);
                if (!v.isEmpty()) {
                    sans.add(v);
                }
            }
        }
        return new CertificateInfo(
                ProtoJson.text(d, "path"),
                ProtoJson.text(d, "serial_number"),
                sans,
                ProtoJson.instant(d.get("valid_from")),
                ProtoJson.instant(d.get("expiration_time")),
                ProtoJson.int64(d.get("days_until_expiration"), 0),
                ca);
    }
}
