package dev.skopos.analysis.workloads;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Value checks the sidecar injector applies to pod annotations (istio's inject.AnnotationValidation);
 * each returns the problem in Go's wording, or empty when the value is fine.
 */
final class AnnotationValues {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, Function<String, Optional<String>>> CHECKS = Map.ofEntries(
            Map.entry("sidecar.istio.io/interceptionMode", AnnotationValues::interceptionMode),
            Map.entry("status.sidecar.istio.io/port", v -> port(v).map(e -> "excludeInboundPorts invalid: " + e)),
            Map.entry("readiness.status.sidecar.istio.io/initialDelaySeconds", AnnotationValues::uint32),
            Map.entry("readiness.status.sidecar.istio.io/periodSeconds", AnnotationValues::uint32),
            Map.entry("readiness.status.sidecar.istio.io/failureThreshold", AnnotationValues::uint32),
            Map.entry("traffic.sidecar.istio.io/includeOutboundIPRanges",
                    v -> v.equals("*") ? Optional.empty() : cidrs(v).map(e -> "includeIPRanges invalid: " + e)),
            Map.entry("traffic.sidecar.istio.io/excludeOutboundIPRanges",
                    v -> cidrs(v).map(e -> "excludeIPRanges invalid: " + e)),
            Map.entry("traffic.sidecar.istio.io/includeInboundPorts",
                    v -> v.equals("*") ? Optional.empty() : ports("includeInboundPorts", v)),
            Map.entry("traffic.sidecar.istio.io/excludeInboundPorts", v -> ports("excludeInboundPorts", v)),
            Map.entry("traffic.sidecar.istio.io/excludeOutboundPorts", v -> ports("excludeOutboundPorts", v)),
            Map.entry("prometheus.istio.io/merge-metrics", AnnotationValues::bool),
            Map.entry("proxy.istio.io/config", AnnotationValues::proxyConfig));

    private AnnotationValues() {
    }

    static Optional<String> problem(String annotation, String value) {
        Function<String, Optional<String>> check = CHECKS.get(annotation);
        return check == null ? Optional.empty() : check.apply(value);
    }

    private static Optional<String> interceptionMode(String v) {
        return switch (v) {
            case "REDIRECT", "TPROXY", "NONE" -> Optional.empty();
            default -> Optional.of("interceptionMode invalid, use REDIRECT,TPROXY,NONE: " + v);
        };
    }

    private static Optional<String> uint32(String v) {
        try {
            if (!v.isEmpty() && Character.isDigit(v.charAt(0)) && Long.parseLong(v) <= 0xFFFFFFFFL) {
                return Optional.empty();
            }
        } catch (NumberFormatException ignored) {
            // reported below, as strconv.ParseUint does
        }
        return Optional.of("strconv.ParseUint: parsing \"" + v + "\": invalid syntax");
    }

    private static Optional<String> bool(String v) {
        return switch (v) {
            case "1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False" -> Optional.empty();
            default -> Optional.of("strconv.ParseBool: parsing \"" + v + "\": invalid syntax");
        };
    }

    private static Optional<String> port(String raw) {
        String v = raw.trim();
        try {
            if (!v.isEmpty() && Character.isDigit(v.charAt(0)) && Integer.parseInt(v) <= 65535) {
                return Optional.empty();
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        return Optional.of("failed parsing port '" + raw + "': strconv.ParseUint: parsing \"" + v + "\": invalid syntax");
    }

    private static Optional<String> ports(String parameter, String list) {
        if (list.trim().isEmpty()) {
            return Optional.empty();
        }
        for (String p : list.trim().split(",", -1)) {
            Optional<String> e = port(p);
            if (e.isPresent()) {
                return Optional.of(parameter + " invalid: failed parsing port '" + p + "': " + e.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> cidrs(String list) {
        if (list.isEmpty()) {
            return Optional.empty();
        }
        for (String cidr : list.split(",", -1)) {
            if (!validCidr(cidr)) {
                return Optional.of("failed parsing cidr '" + cidr + "': netip.ParsePrefix(\"" + cidr + "\"): invalid prefix");
            }
        }
        return Optional.empty();
    }

    /** netip.ParsePrefix: an IPv4 or IPv6 address, '/', and a length within the address size. */
    private static boolean validCidr(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String ip = cidr.substring(0, slash);
        String bits = cidr.substring(slash + 1);
        if (bits.isEmpty() || !bits.chars().allMatch(Character::isDigit) || bits.length() > 3) {
            return false;
        }
        int len = Integer.parseInt(bits);
        if (ip.contains(":")) {
            return len <= 128 && ip.matches("[0-9A-Fa-f:.]+");
        }
        String[] octets = ip.split("\\.", -1);
        if (octets.length != 4 || len > 32) {
            return false;
        }
        for (String o : octets) {
            if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(Character::isDigit) || Integer.parseInt(o) > 255
                    || (o.length() > 1 && o.startsWith("0"))) {
                return false;
            }
        }
        return true;
    }

    /** A ProxyConfig overlay must at least be a YAML mapping; istiod's deeper field checks are not repeated. */
    private static Optional<String> proxyConfig(String v) {
        try {
            var node = YAML.readTree(v);
            if (node == null || node.isObject() || node.isMissingNode() || node.isNull()) {
                return Optional.empty();
            }
        } catch (Exception e) {
            // fall through
        }
        return Optional.of("failed to convert to apply proxy config: not a ProxyConfig object");
    }
}
