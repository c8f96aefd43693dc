package dev.skopos.istiod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * istiod's ControlZ log scopes: reading {@code GET /scopej/} and building the {@code PUT
 * /scopej/SCOPE} that {@code istioctl admin log --level scope:level} sends
 * (istioctl/pkg/admin/istiodconfig.go: a {@code ScopeInfo} JSON-encoded with empty fields omitted,
 * so only {@code name} and {@code output_level}; ControlZ answers 202 Accepted).
 */
public final class ControlzScopes {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One scope as {@code /scopej/} lists it. */
    public record Scope(String name, String description, String outputLevel, String stackTraceLevel,
            boolean logCallers) {
    }

    /** A level change, kept so the caller can put the scope back when it is done (or on exit). */
    public record ScopeChange(String scope, ScopeLevel from, ScopeLevel to) {

        /** The change that undoes this one. */
        public ScopeChange revert() {
            return new ScopeChange(scope, to, from);
        }

        /** The PUT body for {@code to}. */
        public String body() {
            return putBody(scope, to);
        }

        public String path() {
            return putPath(scope);
        }
    }

    private ControlzScopes() {
    }

    /** Parses {@code /scopej/}: scopes sorted by name, as istioctl lists them. */
    public static List<Scope> parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IstiodParseException("ControlZ scopes: not JSON (" + oneLine(e.getOriginalMessage()) + ")", e);
        }
        if (root == null || !root.isArray()) {
            throw new IstiodParseException("ControlZ scopes: expected a JSON list of scopes");
        }
        List<Scope> out = new ArrayList<>();
        for (JsonNode n : root) {
            String name = n.path("name").asText("");
            if (name.isEmpty()) {
                throw new IstiodParseException("ControlZ scopes: a scope without a name");
            }
            out.add(new Scope(name, n.path("description").asText(""), n.path("output_level").asText(""),
                    n.path("stack_trace_level").asText(""), n.path("log_callers").asBoolean(false)));
        }
        out.sort(Comparator.comparing(Scope::name));
        return List.copyOf(out);
    }

    /**
     * The change that sets {@code scope} to {@code level}, from its current level in {@code scopes}.
     *
     * @throws IllegalArgumentException for an unknown scope or level (one line, for the flash)
     */
    public static ScopeChange change(List<Scope> scopes, String scope, String level) {
        ScopeLevel to = ScopeLevel.parse(level);
        Scope current = find(scopes, scope)
                .orElseThrow(() -> new IllegalArgumentException("istiod has no log scope '" + scope + "'"));
        // ControlZ reports levels in the same words; an unreadable one is treated as istiod's default.
        ScopeLevel from;
        try {
            from = ScopeLevel.parse(current.outputLevel());
        } catch (IllegalArgumentException e) {
            from = ScopeLevel.INFO;
        }
        return new ScopeChange(scope, from, to);
    }

    public static Optional<Scope> find(List<Scope> scopes, String name) {
        return scopes.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** {@code {"name":"ads","output_level":"debug"}} and a newline, byte for byte what Go's json.Encoder sends. */
    public static String putBody(String scope, ScopeLevel level) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("name", scope);
        body.put("output_level", level.wire());
        return body.toString() + "\n";
    }

    /** The ControlZ path to PUT to (port 9876). */
    public static String putPath(String scope) {
        return "/scopej/" + scope;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
