package dev.skopos.analysis.networking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of istioctl's {@code schema.ValidationAnalyzer.VirtualService} skopos implements:
 * <ul>
 *   <li>unreachable rules (IST0130): a rule after a match-less rule, or whose every match repeats an
 *       earlier one;</li>
 *   <li>ineffective matches (IST0131): a match identical to an earlier rule's, or an http prefix match
 *       covered by an earlier, shorter prefix with the same (or broader) method, authority, headers,
 *       query parameters and port;</li>
 *   <li>regex string matches that are not valid RE2 (IST0106, worded as istio's validation).</li>
 * </ul>
 * The rest of istio's field validation is not reproduced.
 */
final class VirtualServiceValidationAnalyzer implements Analyzer {

    private static final String RE2_HINT = "; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)";

    @Override
    public String name() {
        return "schema.ValidationAnalyzer.VirtualService";
    }

    @Override
    public String description() {
        return "Runs schema validation as an analyzer on 'VirtualService' resources";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Resource vs : snapshot.list(VirtualServiceGatewayAnalyzer.ISTIO, "VirtualService")) {
            checkRegexes(vs, reporter);
            unreachable(vs, "http", reporter);
            unreachable(vs, "tcp", reporter);
            unreachable(vs, "tls", reporter);
        }
    }

    private static void checkRegexes(Resource vs, Reporter reporter) {
        for (JsonNode http : vs.spec().path("http")) {
            for (JsonNode match : http.path("match")) {
                for (String field : List.of("uri", "scheme", "method", "authority")) {
                    regex(vs, match.path(field), field, reporter);
                }
                for (String field : List.of("headers", "queryParams")) {
                    match.path(field).forEach(sm -> regex(vs, sm, field, reporter));
                }
            }
            http.path("corsPolicy").path("allowOrigins").forEach(sm -> regex(vs, sm, "corsPolicy.allowOrigins", reporter));
        }
    }

    private static void regex(Resource vs, JsonNode stringMatch, String where, Reporter reporter) {
        if (!stringMatch.has("regex")) {
            return;
        }
        String re = stringMatch.path("regex").asText("");
        String quoted = dev.skopos.analysis.GoFormat.quote(where);
        if (re.isEmpty()) {
            reporter.report("SchemaValidationError", vs, quoted + ": regex string match should not be empty");
        } else if (re.length() > 1024) {
            reporter.report("SchemaValidationError", vs, quoted + ": regex is too large, max length allowed is 1024");
        } else {
            Re2Syntax.error(re).ifPresent(err -> reporter.report("SchemaValidationError", vs, quoted + ": " + err + RE2_HINT));
        }
    }

    /** An http prefix match reduced to what overlap checking compares. */
    private record PrefixMatch(String route, String match, String prefix, int port, String method, String authority,
                               Map<String, String> headers, Map<String, String> queryParams, Map<String, String> withoutHeaders) {
    }

    private static void unreachable(Resource vs, String kind, Reporter reporter) {
        JsonNode rules = vs.spec().path(kind);
        Map<String, Integer> seen = new HashMap<>();
        boolean matchless = false;
        List<PrefixMatch> prefixes = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            JsonNode rule = rules.get(r);
            JsonNode matches = rule.path("match");
            if (matches.isEmpty()) {
                if (matchless) {
                    reporter.report("VirtualServiceUnreachableRule", vs, routeName(rule, r), "only the last rule can have no matches");
                }
                matchless = true;
                continue;
            }
            int duplicates = 0;
            for (int m = 0; m < matches.size(); m++) {
                JsonNode match = matches.get(m);
                String key = canonical(match);
                Integer earlier = seen.get(key);
                if (earlier != null) {
                    reporter.report("VirtualServiceIneffectiveMatch", vs, routeName(rule, r), requestName(match, m),
                            routeName(rules.get(earlier), earlier));
                    duplicates++;
                    continue;
                }
                seen.put(key, r);
                if (kind.equals("http")) {
                    PrefixMatch p = prefixMatch(rule, r, match, m);
                    if (p != null) {
                        prefixes.add(p);
                    }
                }
            }
            if (duplicates == matches.size()) {
                reporter.report("VirtualServiceUnreachableRule", vs, routeName(rule, r), "all matches used by prior rules");
            }
        }
        for (int a = 0; a < prefixes.size(); a++) {
            for (int b = a + 1; b < prefixes.size(); b++) {
                PrefixMatch first = prefixes.get(a);
                PrefixMatch later = prefixes.get(b);
                if (!later.prefix().equals(first.prefix()) && covers(first, later)) {
                    reporter.report("VirtualServiceIneffectiveMatch", vs, later.route(), later.match() + " of prefix " + later.prefix(),
                            first.match() + " of prefix " + first.prefix() + " on " + first.route());
                }
            }
        }
    }

    private static PrefixMatch prefixMatch(JsonNode rule, int r, JsonNode match, int m) {
        String prefix = match.path("uri").path("prefix").asText("");
        if (prefix.isEmpty()) {
            return null;
        }
        String method = exactOrPrefix(match.path("method"));
        return new PrefixMatch(routeName(rule, r), requestName(match, m), prefix, match.path("port").asInt(0),
                method.isEmpty() ? "exact:GET" : method, exactOrPrefix(match.path("authority")),
                stringMatches(match.path("headers")), stringMatches(match.path("queryParams")),
                stringMatches(match.path("withoutHeaders")));
    }

    // Whether the earlier prefix match takes all the traffic of the later one (istio's coveredValidation).
    private static boolean covers(PrefixMatch a, PrefixMatch b) {
        return b.prefix().startsWith(a.prefix()) && a.port() == b.port()
                && broader(a.method(), b.method()) && broader(a.authority(), b.authority())
                && broader(a.headers(), b.headers()) && broader(a.queryParams(), b.queryParams())
                && broader(a.withoutHeaders(), b.withoutHeaders());
    }

    // istio compares these as "exact:v"/"prefix:v" strings, one starting with the other.
    private static boolean broader(String a, String b) {
        return a.equals(b) || a.startsWith(b);
    }

    private static boolean broader(Map<String, String> a, Map<String, String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> b.containsKey(e.getKey()) && broader(e.getValue(), b.get(e.getKey())));
    }

    private static Map<String, String> stringMatches(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), exactOrPrefix(e.getValue())));
        return out;
    }

    private static String exactOrPrefix(JsonNode sm) {
        String exact = sm.path("exact").asText("");
        if (!exact.isEmpty()) {
            return "exact:" + exact;
        }
        String prefix = sm.path("prefix").asText("");
        return prefix.isEmpty() ? "" : "prefix:" + prefix;
    }

    /** A match as compared for duplicates: its name dropped, keys sorted. */
    private static String canonical(JsonNode match) {
        JsonNode copy = match.deepCopy();
        if (copy instanceof ObjectNode o) {
            o.remove("name");
        }
        return sorted(copy);
    }

    private static String sorted(JsonNode n) {
        if (n.isObject()) {
            Map<String, String> fields = new TreeMap<>();
            n.fields().forEachRemaining(e -> fields.put(e.getKey(), sorted(e.getValue())));
            return fields.toString();
        }
        if (n.isArray()) {
            List<String> items = new ArrayList<>();
            n.forEach(i -> items.add(sorted(i)));
            return items.toString();
        }
        return n.toString();
    }

    // Named http rules and matches are quoted; others (and all tcp/tls) are "#index".
    private static String routeName(JsonNode rule, int index) {
        String name = rule.path("name").asText("");
        return name.isEmpty() ? "#" + index : dev.skopos.analysis.GoFormat.quote(name);
    }

    private static String requestName(JsonNode match, int index) {
        return routeName(match, index);
    }
}
