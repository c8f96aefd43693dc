package dev.skopos.envoy.config;

/**
 * An Envoy {@code core.Address}: a socket address, a unix pipe, or an internal listener.
 *
 * @param kind       which of the three
 * @param address    IP or host name; the pipe path; the internal listener's name
 * @param port       port value, 0 when absent (pipes, internal addresses, named ports)
 * @param endpointId internal addresses only: the endpoint id, else ""
 */
public record EnvoyAddress(Kind kind, String address, int port, String endpointId) {

    public enum Kind { SOCKET, PIPE, INTERNAL, NONE }

    public static final EnvoyAddress NONE = new EnvoyAddress(Kind.NONE, "", 0, "");

    /** As istioctl prints an endpoint: {@code ip:port}, the pipe path, {@code envoy://listener/id}. */
    public String display() {
        return switch (kind) {
            case SOCKET -> address + ":" + port;
            case PIPE -> address;
            case INTERNAL -> "envoy://" + address + "/" + endpointId;
            case NONE -> "unknown";
        };
    }
}
