package dev.skopos.analysis.networking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * istioctl's {@code envoyfilter.EnvoyPatchAnalyzer}: ADD and REMOVE are ignored on
 * ROUTE_CONFIGURATION and HTTP_ROUTE; REPLACE only works on HTTP_FILTER and NETWORK_FILTER; and a
 * relative operation (INSERT_BEFORE/AFTER, REPLACE, MERGE, REMOVE) without a priority may apply in
 * the wrong order — worse when a filter of the same name was patched earlier with a proxyVersion
 * match, since an upgrade then changes which patch applies.
 */
final class EnvoyPatchAnalyzer implements Analyzer {

    private static final Set<String> ROUTE_LEVEL = Set.of("ROUTE_CONFIGURATION", "HTTP_ROUTE");
    private static final Set<String> FILTER_LEVEL = Set.of("HTTP_FILTER", "NETWORK_FILTER");

    @Override
    public String name() {
        return "envoyfilter.EnvoyPatchAnalyzer";
    }

    @Override
    public String description() {
        return "Checks an envoyFilters ";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        // Names of filters patched with a proxyVersion match so far, across EnvoyFilters in order.
        List<String> versionedNames = new ArrayList<>();
        for (Resource ef : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "EnvoyFilter")) {
            if (!analyzeFilter(ef, versionedNames, reporter)) {
                // istioctl dereferences listener.filterChain.filter without a nil check and the
                // analyzer dies on such a patch; it reports nothing further, and neither do we.
                return;
            }
        }
    }

    private static boolean analyzeFilter(Resource ef, List<String> versionedNames, Reporter reporter) {
        int priority = ef.spec().path("priority").asInt(0);
        for (JsonNode cp : ef.spec().path("configPatches")) {
            JsonNode patch = cp.path("patch");
            if (!patch.isObject()) {
                break; // istioctl stops at the first patch without a patch section
            }
            String name = "";
            JsonNode value = patch.path("value");
            if (value.isObject()) {
                if (value.has("name")) {
                    name = protoValueText(value.get("name"));
                } else if (cp.path("match").path("listener").path("filterChain").isObject()) {
                    JsonNode filter = cp.path("match").path("listener").path("filterChain").path("filter");
                    if (!filter.isObject()) {
                        return false;
                    }
                    name = filter.path("name").asText("");
                }
            }
            String op = patch.path("operation").asText("");
            String applyTo = cp.path("applyTo").asText("");
            switch (op) {
                case "ADD" -> {
                    if (ROUTE_LEVEL.contains(applyTo)) {
                        reporter.report("EnvoyFilterUsesAddOperationIncorrectly", ef);
                    }
                }
                case "REMOVE" -> {
                    if (ROUTE_LEVEL.contains(applyTo)) {
                        reporter.report("EnvoyFilterUsesRemoveOperationIncorrectly", ef);
                    } else {
                        relative(ef, priority, versionedNames, name, reporter);
                    }
                }
                case "REPLACE" -> {
                    if (!FILTER_LEVEL.contains(applyTo)) {
                        reporter.report("EnvoyFilterUsesReplaceOperationIncorrectly", ef);
                    } else {
                        relative(ef, priority, versionedNames, name, reporter);
                    }
                }
                case "INSERT_BEFORE", "INSERT_AFTER", "MERGE" -> relative(ef, priority, versionedNames, name, reporter);
                default -> {
                }
            }
            if (!cp.path("match").path("proxy").path("proxyVersion").asText("").isEmpty()) {
                versionedNames.add(name);
            }
        }
        return true;
    }

    private static void relative(Resource ef, int priority, List<String> versionedNames, String name, Reporter reporter) {
        if (priority != 0) {
            return;
        }
        reporter.report(versionedNames.contains(name) ? "EnvoyFilterUsesRelativeOperationWithProxyVersion"
                : "EnvoyFilterUsesRelativeOperation", ef);
    }

    /**
     * istioctl keys the name by the protobuf text of the value ({@code string_value:"envoy.lua"}),
     * so a name from a patch value never equals a bare filter-chain filter name; we keep that.
     */
    private static String protoValueText(JsonNode v) {
        if (v.isTextual()) {
            return "string_value:\"" + v.asText() + "\"";
        }
        return "value:" + v;
    }
}
