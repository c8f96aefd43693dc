package dev.skopos.envoy.config;

import static dev.skopos.envoy.config.Proto.get;
import static dev.skopos.envoy.config.Proto.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


/** RouteConfiguration objects to {@link RouteConfig} records. */
final class RouteReader {

    private static final String FAULT_FILTER = "envoy.filters.http.fault";

    private RouteReader() {
    }

    static RouteConfig read(JsonNode rc, boolean dynamic, String versionInfo, Instant lastUpdated, boolean keepRaw) {
        List<RouteConfig.VirtualHost> hosts = new ArrayList<>();
        for (JsonNode vh : get(rc, "virtual_hosts")) {
            List<RouteConfig.Route> routes = new ArrayList<>();
            for (JsonNode r : get(vh, "routes")) {
                routes.add(route(r));
            }
            hosts.add(new RouteConfig.VirtualHost(text(vh, "name"), Proto.strings(get(vh, "domains")), List.copyOf(routes)));
        }
        return new RouteConfig(text(rc, "name"), List.copyOf(hosts), dynamic, versionInfo, lastUpdated,
                keepRaw ? rc : null);
    }

    private static RouteConfig.Route route(JsonNode r) {
        JsonNode action = get(r, "route");
        return new RouteConfig.Route(text(r, "name"), match(get(r, "match")), action(r),
                Proto.duration(get(action, "timeout")), retry(get(action, "retry_policy")),
                fault(get(get(r, "typed_per_filter_config"), FAULT_FILTER)), mirrors(action),
                text(get(r, "decorator"), "operation"), Proto.istioConfig(r));
    }

    private static RouteConfig.RouteMatch match(JsonNode m) {
        JsonNode policy = get(m, "path_match_policy");
        String template = text(get(policy, "typed_config"), "path_template");
        if (template.isEmpty() && policy.isObject()) {
            template = text(policy, "name");
        }
        List<RouteConfig.HeaderMatch> headers = new ArrayList<>();
        for (JsonNode h : get(m, "headers")) {
            headers.add(new RouteConfig.HeaderMatch(text(h, "name"), headerMatcher(h),
                    get(h, "invert_match").asBoolean(false)));
        }
        // A BoolValue wrapper, written as a plain boolean; unset means case sensitive.
        JsonNode cs = get(m, "case_sensitive");
        boolean caseSensitive = !cs.isBoolean() || cs.asBoolean();
        return new RouteConfig.RouteMatch(text(m, "prefix"), text(m, "path"), text(get(m, "safe_regex"), "regex"),
                text(m, "path_separated_prefix"), template, caseSensitive, List.copyOf(headers));
    }

    private static String headerMatcher(JsonNode h) {
        JsonNode sm = get(h, "string_match");
        if (sm.isObject()) {
            for (String kind : new String[] {"exact", "prefix", "suffix", "contains"}) {
                if (get(sm, kind).isValueNode()) {
                    return kind + "=" + text(sm, kind);
                }
            }
            if (get(sm, "safe_regex").isObject()) {
                return "regex=" + text(get(sm, "safe_regex"), "regex");
            }
        }
        for (String kind : new String[] {"exact_match", "prefix_match", "suffix_match", "contains_match"}) {
            if (get(h, kind).isValueNode()) {
                return kind.substring(0, kind.indexOf('_')) + "=" + text(h, kind);
            }
        }
        if (get(h, "safe_regex_match").isObject()) {
            return "regex=" + text(get(h, "safe_regex_match"), "regex");
        }
        if (get(h, "present_match").isBoolean()) {
            return get(h, "present_match").asBoolean() ? "present" : "absent";
        }
        return "";
    }

    private static RouteConfig.RouteAction action(JsonNode r) {
        JsonNode a = get(r, "route");
        if (a.isObject()) {
            if (get(a, "cluster").isValueNode()) {
                return new RouteConfig.RouteAction(RouteConfig.RouteAction.Kind.CLUSTER, text(a, "cluster"), List.of(),
                        "", "", 0);
            }
            JsonNode wc = get(a, "weighted_clusters");
            if (wc.isObject()) {
                return new RouteConfig.RouteAction(RouteConfig.RouteAction.Kind.WEIGHTED, "", weighted(get(wc, "clusters")),
                        "", "", 0);
            }
            if (get(a, "cluster_header").isValueNode()) {
                return new RouteConfig.RouteAction(RouteConfig.RouteAction.Kind.CLUSTER_HEADER, "", List.of(),
                        text(a, "cluster_header"), "", 0);
            }
            return new RouteConfig.RouteAction(RouteConfig.RouteAction.Kind.OTHER, "", List.of(), "", "", 0);
        }
        JsonNode redirect = get(r, "redirect");
        if (redirect.isObject()) {
            return new RouteConfig.RouteAction(RouteConfig.RouteAction.Kind.REDIRECT, "", List.of(), "",
                    redirectTarget(redirect), 0);
        }
        JsonNode direct = get(r, "direct_response");
        if (direct.isObject()) {
            return new RouteConfig.RouteAction(RouteConfig.RouteAction.Kind.DIRECT_RESPONSE, "", List.of(), "", "",
                    Proto.int32(direct, "status", 0));
        }
        return new RouteConfig.RouteAction(RouteConfig.RouteAction.Kind.OTHER, "", List.of(), "", "", 0);
    }

    /** {@code scheme://host:port/path}, from whichever parts the redirect sets. */
    private static String redirectTarget(JsonNode rd) {
        StringBuilder b = new StringBuilder();
        String scheme = get(rd, "https_redirect").asBoolean(false) ? "https" : text(rd, "scheme_redirect");
        if (!scheme.isEmpty()) {
            b.append(scheme).append("://");
        }
        b.append(text(rd, "host_redirect"));
        Integer port = Proto.int32(get(rd, "port_redirect"));
        if (port != null && port != 0) {
            b.append(':').append(port);
        }
        b.append(text(rd, "path_redirect"));
        if (!text(rd, "prefix_rewrite").isEmpty()) {
            b.append(text(rd, "prefix_rewrite")).append('*');
        }
        return b.toString();
    }

    static List<RouteConfig.WeightedCluster> weighted(JsonNode clusters) {
        List<RouteConfig.WeightedCluster> out = new ArrayList<>();
        for (JsonNode c : clusters) {
            Integer w = Proto.int32(get(c, "weight"));
            out.add(new RouteConfig.WeightedCluster(text(c, "name"), w == null ? 0 : w));
        }
        return List.copyOf(out);
    }

    private static RouteConfig.RetryPolicy retry(JsonNode p) {
        if (!p.isObject()) {
            return null;
        }
        Integer n = Proto.int32(get(p, "num_retries"));
        return new RouteConfig.RetryPolicy(text(p, "retry_on"), n == null ? 1 : n, Proto.duration(get(p, "per_try_timeout")));
    }

    private static RouteConfig.FaultInjection fault(JsonNode f) {
        if (!f.isObject()) {
            return null;
        }
        JsonNode delay = get(f, "delay");
        JsonNode abort = get(f, "abort");
        if (!delay.isObject() && !abort.isObject()) {
            return null;
        }
        return new RouteConfig.FaultInjection(Proto.duration(get(delay, "fixed_delay")),
                delay.isObject() ? Proto.percent(get(delay, "percentage"), 100) : 0,
                Proto.int32(abort, "http_status", 0),
                abort.isObject() ? Proto.percent(get(abort, "percentage"), 100) : 0);
    }

    private static List<RouteConfig.MirrorPolicy> mirrors(JsonNode action) {
        List<RouteConfig.MirrorPolicy> out = new ArrayList<>();
        for (JsonNode m : get(action, "request_mirror_policies")) {
            out.add(new RouteConfig.MirrorPolicy(text(m, "cluster"),
                    Proto.percent(Proto.at(m, "runtime_fraction", "default_value"), 100)));
        }
        return List.copyOf(out);
    }
}
