package dev.skopos.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What not to report: {@code -S "IST0102=Namespace frod"} or {@code -S "IST0107=Deployment default/foo"}
 * on the command line ({@code *} wildcards the resource), and the {@code galley.istio.io/analyze-suppress}
 * annotation listing codes on an object (the same annotation istioctl honours, split on commas as
 * written: istioctl does not trim spaces).
 */
public final class Suppressions {

    public static final String ANNOTATION = "galley.istio.io/analyze-suppress";
    public static final Suppressions NONE = new Suppressions(List.of());

    /** One {@code CODE=Kind namespace/name} rule; resource "*" matches everything. */
    public record Rule(String code, String resource) {}

    private final List<Rule> rules;

    public Suppressions(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Parses {@code -S} values; throws IllegalArgumentException with istioctl-like wording. */
    public static Suppressions parse(List<String> specs) {
        List<Rule> rules = new ArrayList<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("suppression \"" + spec + "\" is not of the form CODE=Kind name");
            }
            rules.add(new Rule(spec.substring(0, eq).strip(), spec.substring(eq + 1).strip()));
        }
        return new Suppressions(rules);
    }

    public boolean suppresses(Diagnostic d) {
        for (Rule rule : rules) {
            if (rule.code().equals(d.code()) && (rule.resource().equals("*")
                    || (d.resource() != null && matches(rule.resource(), d.resource())))) {
                return true;
            }
        }
        if (d.resource() != null) {
            String codes = d.resource().annotations().getOrDefault(ANNOTATION, "");
            for (String code : codes.split(",")) {
                if (code.equals(d.code()) || code.equals("*")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * istioctl globs the rule over the message's friendly name, {@code Kind namespace/name}
     * ({@code *} matches any run of characters, nothing else is special). Its help still shows the
     * form older istioctl printed, {@code Kind name.namespace} ({@code "IST0103=Pod *.testing"}),
     * so that form matches too.
     */
    private static boolean matches(String target, Resource r) {
        String legacy = r.kind() + " " + (r.namespace().isEmpty() ? r.name() : r.name() + "." + r.namespace());
        return glob(target, r.display()) || glob(target, legacy);
    }

    /** go-glob's Glob: literal text between {@code *} wildcards. */
    static boolean glob(String pattern, String subject) {
        return subject.matches(Arrays.stream(pattern.split("\\*", -1))
                .map(Pattern::quote).collect(Collectors.joining(".*")));
    }
}
