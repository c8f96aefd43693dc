package dev.skopos.analysis.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.SchemaValidationAnalyzer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * istioctl's {@code schema.ValidationAnalyzer.Gateway}, for the server TLS rules of istio's
 * ValidateGateway / validateTLSOptions:
 * <ul>
 *   <li>errors (IST0106): ISTIO_MUTUAL with a server certificate, private key, CA bundle,
 *       tlsCertificates, credentialName or credentialNames;</li>
 *   <li>warnings (IST0133): TLSV1_0/TLSV1_1 minimum without cipher suites; certificates on a
 *       PASSTHROUGH/AUTO_PASSTHROUGH server; more than two tlsCertificates on SIMPLE/MUTUAL;
 *       {@code tls.httpsRedirect} on a non-HTTP server.</li>
 * </ul>
 * Not covered: host, port, bind and name checks, the other SIMPLE/MUTUAL certificate errors, and
 * the cipher-suite warnings (they need Envoy's list of valid suites).
 */
final class GatewayValidationAnalyzer extends SchemaValidationAnalyzer {

    // protocol.Parse(...).IsHTTP(): these, in any case.
    private static final Set<String> HTTP = Set.of("http", "http2", "http_proxy", "grpc", "grpc-web");

    GatewayValidationAnalyzer() {
        super(VirtualServiceGatewayAnalyzer.ISTIO, "Gateway");
    }

    @Override
    protected void validate(Resource gw, Findings findings) {
        JsonNode servers = gw.spec().path("servers");
        for (JsonNode server : servers) {
            tls(server.path("tls"), findings);
        }
        // istio checks the redirect after all servers, in a second pass.
        for (JsonNode server : servers) {
            JsonNode port = server.path("port");
            if (present(port) && !HTTP.contains(port.path("protocol").asText("").toLowerCase(Locale.ROOT))
                    && server.path("tls").path("httpsRedirect").asBoolean(false)) {
                findings.warning("tls.httpsRedirect should only be used with http servers");
            }
        }
    }

    private static void tls(JsonNode tls, Findings findings) {
        if (!tls.isObject()) {
            return;
        }
        String min = tls.path("minProtocolVersion").asText("");
        if ((min.equals("TLSV1_0") || min.equals("TLSV1_1")) && tls.path("cipherSuites").isEmpty()) {
            findings.warning("TLS version below TLSV1_2 require setting compatible ciphers as by default they no longer include compatible ciphers.");
        }
        String mode = tls.path("mode").asText("PASSTHROUGH");
        boolean credentialName = !text(tls, "credentialName").isEmpty();
        boolean credentialNames = !tls.path("credentialNames").isEmpty();
        boolean tlsCertificates = !tls.path("tlsCertificates").isEmpty();
        if (mode.equals("ISTIO_MUTUAL")) {
            for (List<String> f : List.of(List.of("serverCertificate", "server certificate"), List.of("privateKey", "private key"),
                    List.of("caCertificates", "CA bundle"))) {
                if (!text(tls, f.get(0)).isEmpty()) {
                    findings.error("ISTIO_MUTUAL TLS cannot have associated " + f.get(1));
                }
            }
            if (tlsCertificates) {
                findings.error("ISTIO_MUTUAL TLS cannot have associated tlsCertificates");
            }
            if (credentialName) {
                findings.error("ISTIO_MUTUAL TLS cannot have associated credentialName");
            }
            if (credentialNames) {
                findings.error("ISTIO_MUTUAL TLS cannot have associated credentialNames");
            }
            return;
        }
        if ((mode.equals("PASSTHROUGH") || mode.equals("AUTO_PASSTHROUGH"))
                && (!text(tls, "caCrl").isEmpty() || !text(tls, "serverCertificate").isEmpty() || !text(tls, "privateKey").isEmpty()
                || !text(tls, "caCertificates").isEmpty() || tlsCertificates || credentialName || credentialNames)) {
            // istio only warns, to keep old configurations valid.
            findings.warning(mode + " mode does not use certificates, they will be ignored");
        }
        boolean simpleOrMutual = mode.equals("SIMPLE") || mode.equals("MUTUAL") || mode.equals("OPTIONAL_MUTUAL");
        // With a credential name the certificates are fetched remotely and istio stops checking.
        if (simpleOrMutual && !credentialName && !credentialNames && tls.path("tlsCertificates").size() > 2) {
            findings.warning((mode.equals("SIMPLE") ? "SIMPLE TLS" : "MUTUAL TLS") + " can support up to 2 server certificates");
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText("");
    }
}
