package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.SchemaValidationAnalyzer;
import java.util.List;

/**
 * istioctl's {@code schema.ValidationAnalyzer.AuthorizationPolicy}, for these rules of istio's
 * ValidateAuthorizationPolicy:
 * <ul>
 *   <li>errors (IST0106), each prefixed "invalid policy name.namespace:" as istio does: both a
 *       selector and targetRef(s); CUSTOM or DENY without {@code rules}; CUSTOM without
 *       {@code provider.name}; a provider on a non-CUSTOM action;</li>
 *   <li>warnings (IST0133): a selector without labels; a DENY rule using only HTTP attributes, which
 *       then denies all TCP traffic in scope (once per such rule).</li>
 * </ul>
 * Not reproduced: the per-field checks of sources, operations and conditions (empty values, IP
 * blocks, ports, path templates, attribute keys), and targetRef kind/namespace checks.
 */
final class AuthorizationPolicyValidationAnalyzer extends SchemaValidationAnalyzer {

    private static final List<String> TCP_SOURCE_FIELDS = List.of("principals", "notPrincipals", "ipBlocks", "notIpBlocks",
            "namespaces", "notNamespaces", "remoteIpBlocks", "notRemoteIpBlocks", "serviceAccounts", "notServiceAccounts");

    AuthorizationPolicyValidationAnalyzer() {
        super("security.istio.io", "AuthorizationPolicy");
    }

    @Override
    protected void validate(Resource ap, Findings findings) {
        JsonNode spec = ap.spec();
        String prefix = "invalid policy " + ap.name() + "." + ap.namespace() + ": ";
        String action = spec.path("action").asText("ALLOW");
        JsonNode rules = spec.path("rules");
        boolean noRules = rules.isEmpty();
        int selectorTypes = (present(spec.path("selector")) ? 1 : 0) + (present(spec.path("targetRef")) ? 1 : 0)
                + (spec.path("targetRefs").isEmpty() ? 0 : 1);
        if (selectorTypes > 1) {
            findings.error(prefix + "only one of targetRefs or workloadSelector can be set");
        }
        if (action.equals("CUSTOM")) {
            if (noRules) {
                findings.error(prefix + "CUSTOM action without `rules` is meaningless as it will never be triggered, "
                        + "add an empty rule `{}` if you want it be triggered for every request");
            } else if (spec.path("provider").path("name").asText("").isEmpty()) {
                findings.error(prefix + "`provider.name` must not be empty");
            }
        }
        if (present(spec.path("provider")) && !action.equals("CUSTOM")) {
            findings.error(prefix + "`provider` must not be with non CUSTOM action, found " + action);
        }
        if (action.equals("DENY") && noRules) {
            findings.error(prefix + "DENY action without `rules` is meaningless as it will never be triggered, "
                    + "add an empty rule `{}` if you want it be triggered for every request");
        }
        if (selectorWithoutLabels(spec.path("selector"), "matchLabels")) {
            findings.warning("workload selector specified without labels");
        }
        if (action.equals("DENY")) {
            for (JsonNode rule : rules) {
                if (onlyHttpAttributes(rule)) {
                    findings.warning("configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use "
                            + "of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port");
                }
            }
        }
    }

    // istio: (a source but no operation, and no TCP source field) or (an operation without ports).
    private static boolean onlyHttpAttributes(JsonNode rule) {
        boolean fromExists = false;
        boolean tcpFrom = false;
        for (JsonNode from : rule.path("from")) {
            JsonNode source = from.path("source");
            if (present(source)) {
                fromExists = true;
                tcpFrom |= TCP_SOURCE_FIELDS.stream().anyMatch(f -> present(source.path(f)));
            }
        }
        boolean toExists = false;
        boolean tcpTo = false;
        for (JsonNode to : rule.path("to")) {
            JsonNode op = to.path("operation");
            if (present(op)) {
                toExists = true;
                tcpTo |= present(op.path("ports")) || present(op.path("notPorts"));
            }
        }
        return (fromExists && !toExists && !tcpFrom) || (toExists && !tcpTo);
    }
}
