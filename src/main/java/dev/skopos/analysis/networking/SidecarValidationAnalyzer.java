package dev.skopos.analysis.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.SchemaValidationAnalyzer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * istioctl's {@code schema.ValidationAnalyzer.Sidecar}, for istio's ValidateSidecar:
 * <ul>
 *   <li>error (IST0106): a Sidecar with no egress, ingress, outboundTrafficPolicy nor
 *       inboundConnectionPool ("empty configuration"), which stops validation;</li>
 *   <li>warnings (IST0133): a workloadSelector without labels (the Sidecar then applies to the
 *       whole namespace); HTTP connection pool settings on a non-HTTP ingress port; an egress host
 *       repeated or already covered by {@code ns/*} in the same listener; {@code *}{@code /*} next to
 *       other hosts.</li>
 * </ul>
 * Port, bind, endpoint, TLS and host-syntax errors are not reproduced.
 */
final class SidecarValidationAnalyzer extends SchemaValidationAnalyzer {

    private static final Set<String> HTTP = Set.of("http", "http2", "http_proxy", "grpc", "grpc-web");

    SidecarValidationAnalyzer() {
        super(VirtualServiceGatewayAnalyzer.ISTIO, "Sidecar");
    }

    @Override
    protected void validate(Resource sidecar, Findings findings) {
        JsonNode spec = sidecar.spec();
        boolean noLabels = selectorWithoutLabels(spec.path("workloadSelector"), "labels");
        if (spec.path("egress").isEmpty() && spec.path("ingress").isEmpty() && !present(spec.path("outboundTrafficPolicy"))
                && !present(spec.path("inboundConnectionPool"))) {
            // istio returns this error alone, dropping the selector warning found before it.
            findings.error("sidecar: empty configuration provided");
            return;
        }
        if (noLabels) {
            findings.warning("sidecar: workload selector specified without labels, will be applied to all services in namespace");
        }
        for (JsonNode ingress : spec.path("ingress")) {
            JsonNode port = ingress.path("port");
            String protocol = port.path("protocol").asText("");
            if (port.isObject() && present(ingress.path("connectionPool").path("http"))
                    && !HTTP.contains(protocol.toLowerCase(Locale.ROOT))) {
                findings.warning("sidecar: HTTP connection pool settings are configured for port " + port.path("number").asLong(0)
                        + " (" + dev.skopos.analysis.GoFormat.quote(port.path("name").asText("")) + ") but its protocol is not HTTP ("
                        + protocol + "); only TCP settings will apply");
            }
        }
        for (JsonNode egress : spec.path("egress")) {
            duplicateHosts(sidecar.namespace(), egress.path("hosts"), findings);
        }
    }

    // Per listener: ns -> hosts seen, "." meaning the Sidecar's own namespace.
    private static void duplicateHosts(String namespace, JsonNode hosts, Findings findings) {
        Map<String, Map<String, Boolean>> seen = new LinkedHashMap<>();
        for (JsonNode h : hosts) {
            String hostname = h.asText("");
            int slash = hostname.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String ns = hostname.substring(0, slash);
            String svc = hostname.substring(slash + 1);
            if (ns.equals(".")) {
                ns = namespace;
            }
            Map<String, Boolean> inNs = seen.computeIfAbsent(ns, k -> new HashMap<>());
            if (!svc.equals("*")) {
                if (inNs.containsKey(svc) || inNs.getOrDefault("*", false)) {
                    findings.warning("duplicated egress host: " + hostname);
                }
            } else if (!inNs.isEmpty()) {
                findings.warning("duplicated egress host: " + hostname);
            }
            inNs.put(svc, true);
        }
        if (seen.getOrDefault("*", Map.of()).getOrDefault("*", false) && seen.size() != 1) {
            findings.warning("`*/*` host select all resources, no other hosts can be added");
        }
    }
}
