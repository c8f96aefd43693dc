package dev.skopos.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shape of istioctl's {@code schema.ValidationAnalyzer.<Kind>}: istio's validation function for
 * one kind runs on every object of that kind; each error becomes a SchemaValidationError (IST0106)
 * and each warning a SchemaWarning (IST0133), errors first, as istioctl reports the error list
 * before the warning list. Subclasses reproduce the rules of their kind they can match word for
 * word; what they leave out is named in their class comment.
 *
 * <p>The metadata checks istio wraps around every validation function live here: the internal
 * "always reject" annotation, and {@code istio.io/dry-run}, which only AuthorizationPolicy accepts
 * (with a Go boolean value). Either stops validation, as in istio.
 */
public abstract class SchemaValidationAnalyzer implements Analyzer {

    private static final String DRY_RUN = "istio.io/dry-run";
    private static final String ALWAYS_REJECT = "internal.istio.io/webhook-always-reject";
    // strconv.ParseBool's accepted spellings.
    private static final Set<String> GO_BOOLS = Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False");

    private final String group;
    private final String kind;

    protected SchemaValidationAnalyzer(String group, String kind) {
        this.group = group;
        this.kind = kind;
    }

    /** What one object's validation found. */
    protected static final class Findings {
        private final List<String> errors = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        public void error(String message) {
            errors.add(message);
        }

        public void warning(String message) {
            warnings.add(message);
        }
    }

    /** Validates one object of this kind; {@code r.namespace()} is the namespace istio validates it in. */
    protected abstract void validate(Resource r, Findings findings);

    @Override
    public final String name() {
        return "schema.ValidationAnalyzer." + kind;
    }

    @Override
    public final String description() {
        return "Runs schema validation as an analyzer on '" + kind + "' resources";
    }

    @Override
    public final void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Resource r : snapshot.list(group, kind)) {
            Findings findings = new Findings();
            String metadataError = metadataError(r);
            if (metadataError != null) {
                findings.error(metadataError);
            } else {
                validate(r, findings);
            }
            findings.errors.forEach(e -> reporter.report("SchemaValidationError", r, e));
            findings.warnings.forEach(w -> reporter.report("SchemaWarning", r, w));
        }
    }

    private String metadataError(Resource r) {
        String dryRun = r.annotations().get(DRY_RUN);
        if (dryRun != null) {
            if (!kind.equals("AuthorizationPolicy")) {
                return r.namespace() + "/" + r.name() + " has unsupported annotation " + DRY_RUN + ", please remove the annotation";
            }
            String action = r.spec().path("action").asText("ALLOW");
            if (!action.equals("ALLOW") && !action.equals("DENY")) {
                return "the annotation " + DRY_RUN + " currently only supports action ALLOW/DENY, found action " + action
                        + " in " + r.namespace() + "/" + r.name();
            }
            if (!GO_BOOLS.contains(dryRun)) {
                return r.namespace() + "/" + r.name() + " has annotation " + DRY_RUN + " with invalid value (" + dryRun
                        + "): strconv.ParseBool: parsing " + GoFormat.quote(dryRun) + ": invalid syntax";
            }
        }
        if (r.annotations().containsKey(ALWAYS_REJECT)) {
            return GoFormat.quote(ALWAYS_REJECT) + " annotation found, rejecting";
        }
        return null;
    }

    /**
     * istio's validateWorkloadSelector warning for a {@code matchLabels}-style selector that is
     * present but empty (a policy that then selects every workload in its namespace).
     */
    protected static boolean selectorWithoutLabels(JsonNode selector, String labelsField) {
        return selector.isObject() && selector.path(labelsField).size() == 0;
    }

    /** A field written in the object (proto: non-nil), even if empty. */
    protected static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }
}
