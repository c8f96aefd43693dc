package dev.skopos.analysis.security;

import java.util.Optional;

/**
 * The host part of a webhook URL, parsed as leniently as Go's {@code url.Parse} followed by
 * {@code Hostname()}: scheme, user info, port and IPv6 brackets are stripped. Empty when the URL
 * could not be parsed (control characters, a non-numeric port, an unclosed bracket).
 */
final class WebhookUrls {

    private WebhookUrls() {
    }

    static Optional<String> hostname(String url) {
        for (char c : url.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                return Optional.empty();
            }
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return Optional.of(""); // a relative reference: Go parses it but finds no host
        }
        String rest = url.substring(scheme + 3);
        int cut = firstOf(rest, "/?#");
        String authority = cut < 0 ? rest : rest.substring(0, cut);
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        String port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                return Optional.empty();
            }
            port = after.isEmpty() ? "" : after.substring(1);
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? "" : hostPort.substring(colon + 1);
        }
        if (!port.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(host);
    }

    /** Go's net.ParseIP: dotted-quad IPv4 (no leading zeros) or an IPv6 literal. */
    static boolean isIp(String host) {
        return isIpv4(host) || isIpv6(host);
    }

    private static boolean isIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
                    || (p.length() > 1 && p.charAt(0) == '0') || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String host) {
        if (!host.contains(":") || !host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return false;
        }
        int doubleColon = host.indexOf("::");
        if (doubleColon >= 0 && host.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = host.split(":", -1);
        int words = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                continue; // part of "::" (validated above) or a leading/trailing "::"
            }
            if (i == groups.length - 1 && g.contains(".")) {
                if (!isIpv4(g)) {
                    return false;
                }
                words += 2;
            } else if (g.length() > 4 || g.contains(".")) {
                return false;
            } else {
                words++;
            }
        }
        return doubleColon >= 0 ? words < 8 : words == 8;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
