package dev.skopos.source.demo.istiod;

import static dev.skopos.source.demo.Json.obj;

import dev.skopos.source.SourceException;
import dev.skopos.source.demo.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One istiod replica's ControlZ log scopes ({@code /scopej/}), mutable like {@code PUT /scopej/SCOPE}. */
public final class ControlZScopes {

    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();
    private static final List<String> LEVELS = List.of("none", "error", "warn", "info", "debug");

    static {
        DESCRIPTIONS.put("ads", "ads debugging");
        DESCRIPTIONS.put("authorization", "Istio Authorization Policy");
        DESCRIPTIONS.put("ca", "ca client");
        DESCRIPTIONS.put("controllers", "common controller logic");
        DESCRIPTIONS.put("default", "Unscoped logging messages.");
        DESCRIPTIONS.put("delta", "delta xds debugging");
        DESCRIPTIONS.put("gateway", "gateway-api controller");
        DESCRIPTIONS.put("kube", "Kubernetes client messages");
        DESCRIPTIONS.put("model", "Views around config and services");
        DESCRIPTIONS.put("security", "security debugging");
        DESCRIPTIONS.put("serviceentry", "ServiceEntry registry");
        DESCRIPTIONS.put("spiffe", "SPIFFE library logging");
        DESCRIPTIONS.put("status", "status controller for istio");
        DESCRIPTIONS.put("validation", "CRD validation debugging");
        DESCRIPTIONS.put("wasm", "");
        DESCRIPTIONS.put("xdsproxy", "");
    }

    private final Map<String, String> levels = new LinkedHashMap<>();

    public ControlZScopes() {
        DESCRIPTIONS.keySet().forEach(s -> levels.put(s, "info"));
    }

    public synchronized String json() {
        List<Object> scopes = new ArrayList<>();
        levels.forEach((name, level) -> scopes.add(obj("name", name, "description", DESCRIPTIONS.get(name),
                "output_level", level, "stack_trace_level", "none", "log_callers", false)));
        return Json.pretty(Json.arr(scopes));
    }

    /** Sets one scope's output level and answers that scope as ControlZ does. */
    public synchronized String set(String scope, String level) {
        if (!levels.containsKey(scope)) {
            throw new SourceException(SourceException.Reason.NOT_FOUND, "unknown scope " + scope);
        }
        if (!LEVELS.contains(level)) {
            throw new SourceException(SourceException.Reason.MALFORMED,
                    "invalid output level '" + level + "', expected one of " + LEVELS);
        }
        levels.put(scope, level);
        return Json.pretty(obj("name", scope, "description", DESCRIPTIONS.get(scope), "output_level", level,
                "stack_trace_level", "none", "log_callers", false));
    }
}
