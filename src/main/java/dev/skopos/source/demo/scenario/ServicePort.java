package dev.skopos.source.demo.scenario;

/**
 * A Service (or ServiceEntry) port. Istio picks the protocol from the port name's prefix
 * ({@code http-}, {@code grpc-}, {@code tls-}...); anything else is plain TCP in this mesh, because
 * the demo istiod runs with protocol sniffing off (see the istiod pod's env). That is what turns
 * weather-backend's port named {@code backend} into a tcp_proxy.
 */
public record ServicePort(String name, int port, int targetPort) {

    public enum Protocol { HTTP, HTTP2, GRPC, TLS, TCP }

    public Protocol protocol() {
        String prefix = name.contains("-") ? name.substring(0, name.indexOf('-')) : name;
        return switch (prefix) {
            case "http" -> Protocol.HTTP;
            case "http2" -> Protocol.HTTP2;
            case "grpc" -> Protocol.GRPC;
            case "https", "tls" -> Protocol.TLS;
            default -> Protocol.TCP;
        };
    }

    /** True when Envoy gets an HTTP connection manager (and RDS) for this port. */
    public boolean http() {
        Protocol p = protocol();
        return p == Protocol.HTTP || p == Protocol.HTTP2 || p == Protocol.GRPC;
    }
}
