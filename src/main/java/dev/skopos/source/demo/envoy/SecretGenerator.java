package dev.skopos.source.demo.envoy;

import static dev.skopos.source.demo.Json.arr;
import static dev.skopos.source.demo.Json.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.demo.certs.DemoPki;
import dev.skopos.source.demo.scenario.DemoPod;
import dev.skopos.source.demo.scenario.Mesh;
import dev.skopos.source.demo.scenario.ProxyTraits;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SDS secrets istio-agent serves each proxy ("default" workload certificate and "ROOTCA"), and
 * Envoy's {@code /certs} view of them. Istio issues 24h workload certificates and rotates them at
 * about half their life, so a healthy proxy's certificate was issued 1-12h ago; checkout's was
 * issued 23h ago and never rotated (expires within the hour), and weather-backend-single still
 * holds a certificate from, and trusts only, the previous root, which expires in five days.
 */
public final class SecretGenerator {

    /** What Envoy prints instead of any private key: base64 of "[redacted]". */
    public static final String REDACTED = "W3JlZGFjdGVkXQ==";
    public static final Duration WORKLOAD_CERT_TTL = Duration.ofHours(24);

    private SecretGenerator() {}

    public static DemoPki.Issued workloadCert(Mesh mesh, DemoPki pki, DemoPod pod) {
        ProxyTraits traits = pod.proxy();
        DemoPki.Root root = traits.cert() == ProxyTraits.Cert.PREVIOUS_ROOT ? pki.previous() : pki.current();
        return pki.workload(pod.ref().proxyId(), pod.spiffeId(), mesh.ago(traits.certIssuedAgo()), WORKLOAD_CERT_TTL, root);
    }

    public static ObjectNode configDump(Mesh mesh, DemoPki pki, DemoPod pod) {
        DemoPki.Issued issued = workloadCert(mesh, pki, pod);
        Instant issuedAt = issued.certificate().getNotBefore().toInstant();
        String started = EnvoyTime.format(mesh.ago(pod.proxyUptime()));
        List<Object> active = List.of(
                obj("name", "default", "version_info", issuedAt.toString(), "last_updated", EnvoyTime.format(issuedAt),
                        "secret", obj("@type", "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret",
                                "name", "default", "tls_certificate", obj(
                                        "certificate_chain", obj("inline_bytes", DemoPki.inlineBytes(issued.certificate())),
                                        "private_key", obj("inline_bytes", REDACTED)))),
                obj("name", "ROOTCA", "version_info", issuedAt.toString(), "last_updated", started,
                        "secret", obj("@type", "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret",
                                "name", "ROOTCA", "validation_context", obj("trusted_ca",
                                        obj("inline_bytes", DemoPki.inlineBytes(issued.root().certificate()))))));
        String warming = pod.proxy().warmingSecret();
        return obj("@type", "type.googleapis.com/envoy.admin.v3.SecretsConfigDump",
                "dynamic_active_secrets", active,
                "dynamic_warming_secrets", warming == null ? null : arr(obj("name", warming,
                        "version_info", "uninitialized", "last_updated", started,
                        "secret", obj("@type", "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret",
                                "name", warming))));
    }

    /** {@code GET /certs}: the root as ca_cert, the workload certificate as cert_chain. */
    public static ObjectNode certs(Mesh mesh, DemoPki pki, DemoPod pod) {
        DemoPki.Issued issued = workloadCert(mesh, pki, pod);
        List<Object> entries = new ArrayList<>();
        entries.add(obj("ca_cert", arr(certInfo(mesh, issued.root().certificate(), null)),
                "cert_chain", arr(certInfo(mesh, issued.certificate(), pod.spiffeId()))));
        return obj("certificates", entries);
    }

    private static ObjectNode certInfo(Mesh mesh, X509Certificate cert, String spiffeId) {
        Instant expires = cert.getNotAfter().toInstant();
        long days = Duration.between(mesh.now(), expires).toDays();
        return obj("path", "<inline>",
                "serial_number", cert.getSerialNumber().toString(16),
                "subject_alt_names", spiffeId == null ? arr() : arr(obj("uri", spiffeId)),
                "days_until_expiration", String.valueOf(Math.max(0, days)),
                "valid_from", cert.getNotBefore().toInstant().toString(),
                "expiration_time", expires.toString());
    }
}
