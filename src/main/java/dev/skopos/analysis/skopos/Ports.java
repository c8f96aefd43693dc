package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/** Service port protocols as Istio derives them (pkg/config/kube/conversion.go ConvertProtocol). */
final class Ports {

    /** Ports Istio treats as TCP when no protocol is declared, because sniffing would break them. */
    static final Set<Integer> WELL_KNOWN_TCP = Set.of(25, 53, 3306, 27017);

    private static final Set<String> HTTP = Set.of("HTTP", "HTTP2", "HTTP_PROXY", "GRPC", "GRPC-WEB");

    /**
     * What Istio makes of a port.
     *
     * @param protocol Istio's protocol name, or UNDECLARED when neither name nor appProtocol says
     * @param reason   why, in words for messages
     */
    record Protocol(String protocol, String reason) {

        boolean isHttp() {
            return HTTP.contains(protocol);
        }

        boolean undeclared() {
            return protocol.equals("UNDECLARED");
        }
    }

    private Ports() {
    }

    static Protocol protocol(JsonNode servicePort) {
        String name = servicePort.path("name").asText("");
        int number = servicePort.path("port").asInt();
        if (servicePort.path("protocol").asText("TCP").equalsIgnoreCase("UDP")) {
            return new Protocol("UDP", "protocol UDP");
        }
        String source = "port name \"" + name + "\"";
        String declared = name;
        if (servicePort.hasNonNull("appProtocol")) {
            // appProtocol wins over the name, with Kubernetes' standard values mapped first.
            declared = servicePort.path("appProtocol").asText();
            source = "appProtocol \"" + declared + "\"";
            switch (declared) {
                case "kubernetes.io/h2c": return new Protocol("HTTP2", source);
                case "kubernetes.io/ws": return new Protocol("HTTP", source);
                case "kubernetes.io/wss": return new Protocol("HTTPS", source);
                default: break;
            }
        }
        String lower = declared.toLowerCase(Locale.ROOT);
        if (lower.startsWith("grpc-web")) {
            return new Protocol("GRPC-WEB", source);
        }
        int dash = lower.indexOf('-');
        String prefix = dash >= 0 ? lower.substring(0, dash) : lower;
        String parsed = switch (prefix) {
            case "tcp", "udp", "grpc", "http", "http2", "https", "tls", "mongo", "redis", "mysql" ->
                    prefix.toUpperCase(Locale.ROOT);
            case "http_proxy" -> "HTTP_PROXY";
            default -> "UNDECLARED";
        };
        if (parsed.equals("UNDECLARED") && WELL_KNOWN_TCP.contains(number)) {
            return new Protocol("TCP", source + " has no protocol prefix and " + number + " is a well-known TCP port");
        }
        if (parsed.equals("UNDECLARED")) {
            return new Protocol(parsed, source + " has no protocol prefix"
                    + (servicePort.hasNonNull("appProtocol") ? "" : " and no appProtocol"));
        }
        return new Protocol(parsed, source);
    }

    /**
     * The container port a Service port reaches in a pod spec: targetPort as a number, a named container
     * port, or the Service port itself when targetPort is absent. -1 when a name matches nothing.
     */
    static int targetPort(JsonNode servicePort, JsonNode podSpec) {
        JsonNode target = servicePort.path("targetPort");
        if (target.isMissingNode() || target.isNull()) {
            return servicePort.path("port").asInt();
        }
        if (target.isInt() || target.asText().matches("\\d+")) {
            return target.asInt(); // a numeric string parses too
        }
        for (JsonNode c : podSpec.path("containers")) {
            for (JsonNode p : c.path("ports")) {
                if (p.path("name").asText().equals(target.asText())) {
                    return p.path("containerPort").asInt();
                }
            }
        }
        return -1;
    }
}
