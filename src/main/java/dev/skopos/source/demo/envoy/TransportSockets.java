package dev.skopos.source.demo.envoy;

import static dev.skopos.source.demo.Json.arr;
import static dev.skopos.source.demo.Json.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The TLS transport sockets Istio puts on clusters and inbound filter chains: ISTIO_MUTUAL with the
 * workload certificate ("default") and trust bundle ("ROOTCA") from the agent over SDS.
 */
final class TransportSockets {

    private TransportSockets() {}

    static ObjectNode sds(String name) {
        return obj("name", name, "sds_config", obj(
                "api_config_source", obj("api_type", "GRPC", "transport_api_version", "V3",
                        "grpc_services", arr(obj("envoy_grpc", obj("cluster_name", "sds-grpc")))),
                "initial_fetch_timeout", "0s", "resource_api_version", "V3"));
    }

    private static ObjectNode commonTlsContext(String alpn) {
        return obj(
                "tls_params", obj("tls_minimum_protocol_version", "TLSv1_2", "tls_maximum_protocol_version", "TLSv1_3"),
                "alpn_protocols", alpn == null ? null : arr((Object[]) alpn.split(",")),
                "tls_certificate_sds_secret_configs", arr(sds("default")),
                "combined_validation_context", obj(
                        "default_validation_context", obj("match_subject_alt_names",
                                arr(obj("prefix", "spiffe://cluster.local/"))),
                        "validation_context_sds_secret_config", sds("ROOTCA")));
    }

    /** Client side, towards a sidecar: ISTIO_MUTUAL with the SNI Istio uses for a cluster. */
    static ObjectNode istioMutualUpstream(String sni) {
        return obj("name", "envoy.transport_sockets.tls", "typed_config", obj(
                "@type", "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext",
                "common_tls_context", commonTlsContext("istio-peer-exchange,istio"),
                "sni", sni));
    }

    /** Auto mTLS: TLS to endpoints labelled tlsMode=istio, plaintext to the rest. */
    static ArrayNode autoMtlsMatches(String sni) {
        return arr(
                obj("name", "tlsMode-istio", "match", obj("tlsMode", "istio"), "transport_socket", istioMutualUpstream(sni)),
                obj("name", "tlsMode-disabled", "match", obj(), "transport_socket", obj("name", "envoy.transport_sockets.raw_buffer",
                        "typed_config", obj("@type", "type.googleapis.com/envoy.extensions.transport_sockets.raw_buffer.v3.RawBuffer"))));
    }

    /** Server side on virtualInbound: require a client certificate. */
    static ObjectNode istioMutualDownstream() {
        return obj("name", "envoy.transport_sockets.tls", "typed_config", obj(
                "@type", "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext",
                "common_tls_context", commonTlsContext("h2,http/1.1"),
                "require_client_certificate", true));
    }

    /** A gateway's SIMPLE TLS server with a Kubernetes secret (credentialName) served over SDS. */
    static ObjectNode gatewaySimpleTls(String credentialName) {
        return obj("name", "envoy.transport_sockets.tls", "typed_config", obj(
                "@type", "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext",
                "common_tls_context", obj(
                        "tls_params", obj("tls_minimum_protocol_version", "TLSv1_2", "tls_maximum_protocol_version", "TLSv1_3"),
                        "alpn_protocols", arr("h2", "http/1.1"),
                        "tls_certificate_sds_secret_configs", arr(sds(credentialName))),
                "require_client_certificate", false));
    }
}
