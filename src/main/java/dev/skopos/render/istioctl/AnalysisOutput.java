package dev.skopos.render.istioctl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Diagnostic;
import dev.skopos.analysis.Resource;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code istioctl analyze} output, byte for byte: the log lines of {@code formatting.printLog}
 * (optionally coloured), {@code json.MarshalIndent(messages, "", "\t")} and {@code sigs.k8s.io/yaml},
 * plus the {@code -L} listing. No trailing newline: istioctl adds it with {@code Fprintln}.
 */
public final class AnalysisOutput {

    /**
     * The Istio minor release skopos targets. istioctl builds its documentation links from its own
     * version ({@code url.ConfigAnalysis}); ours must point at the docs of the release we mirror.
     */
    public static final String ISTIO_DOCS_VERSION = "v1.27";

    /** {@code url.ConfigAnalysis}: the analysis reference pages, one per code below it. */
    public static final String CONFIG_ANALYSIS = "https://istio.io/" + ISTIO_DOCS_VERSION + "/docs/reference/config/analysis";

    /** What istioctl analyze sets as DocRef, so every link it prints ends in {@code ?ref=istioctl-analyze}. */
    public static final String ISTIOCTL_DOC_REF = "istioctl-analyze";

    private static final String RESET = "\033[0m";
    private static final Map<String, String> COLOURS = Map.of("Info", "", "Warning", "\033[33m", "Error", "\033[1;31m");

    /**
     * One message as istioctl renders it.
     *
     * @param origin    the resource's friendly name ({@code Kind namespace/name}, {@link Resource#display}); null for mesh-wide messages
     * @param reference where the resource was read ({@code file:line}); null for cluster objects
     * @param cluster   the cluster the resource came from; null or "" when unknown
     */
    public record Message(String level, String code, String text, String origin, String reference, String cluster) {

        /** A finding of the analysis framework; cluster objects carry no reference. */
        public static Message of(Diagnostic d) {
            Resource r = d.resource();
            String reference = r == null || r.origin().isEmpty() ? null : r.origin();
            return new Message(d.level().label(), d.code(), d.message(), r == null ? null : r.display(), reference, null);
        }
    }

    private AnalysisOutput() {
    }

    /** {@code log}: one line per message, {@code Level [CODE] (origin reference) text}. */
    public static String log(List<Message> messages, boolean colour) {
        boolean printCluster = printCluster(messages);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (i > 0) {
                out.append('\n');
            }
            if (colour) {
                out.append(COLOURS.getOrDefault(m.level(), "")).append(m.level()).append(RESET);
            } else {
                out.append(m.level());
            }
            out.append(" [").append(m.code()).append(']').append(origin(m, printCluster)).append(' ').append(m.text());
        }
        return out.toString();
    }

    /**
     * message.go's Origin(): {@code " (origin reference)"}, with {@code " [cluster-X]"} before it
     * when the messages span clusters; "" for a message without a resource.
     */
    static String origin(Message m, boolean printCluster) {
        if (m.origin() == null) {
            return "";
        }
        String loc = m.reference() == null ? "" : " " + m.reference();
        String origin = " (" + m.origin() + loc + ")";
        if (printCluster && m.cluster() != null && !m.cluster().isEmpty()) {
            origin = " [cluster-" + m.cluster() + "]" + origin;
        }
        return origin;
    }

    /** formatter.go's shouldPrintCluster: only when the first and last clustered messages differ. */
    static boolean printCluster(List<Message> messages) {
        String first = messages.stream().map(Message::cluster).filter(c -> c != null && !c.isEmpty()).findFirst().orElse("");
        String last = "";
        for (int i = messages.size() - 1; i >= 0; i--) {
            String c = messages.get(i).cluster();
            if (c != null && !c.isEmpty()) {
                last = c;
                break;
            }
        }
        return !first.equals(last);
    }

    /** {@code json}: Go's MarshalIndent with a tab, keys sorted, HTML characters escaped as Go does. */
    public static String json(List<Message> messages, String docRef) {
        if (messages.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < messages.size(); i++) {
            out.append("\t{\n");
            Map<String, String> fields = fields(messages.get(i), docRef);
            int n = 0;
            for (Map.Entry<String, String> f : fields.entrySet()) {
                out.append("\t\t").append(goQuote(f.getKey())).append(": ").append(goQuote(f.getValue()));
                out.append(++n < fields.size() ? ",\n" : "\n");
            }
            out.append(i < messages.size() - 1 ? "\t},\n" : "\t}\n");
        }
        return out.append(']').toString();
    }

    /** {@code yaml}: sigs.k8s.io/yaml over the same JSON, ending with a newline ({@code []} when empty). */
    public static String yaml(List<Message> messages, String docRef) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Message m : messages) {
            ObjectNode o = list.addObject();
            fields(m, docRef).forEach(o::put);
        }
        return GoYaml.of(list);
    }

    /** message.go's Unstructured(true): the keys Go's encoder sorts; origin and reference only when known. */
    static Map<String, String> fields(Message m, String docRef) {
        Map<String, String> f = new TreeMap<>();
        f.put("code", m.code());
        f.put("level", m.level());
        if (m.origin() != null) {
            f.put("origin", m.origin());
            if (m.reference() != null) {
                f.put("reference", m.reference());
            }
        }
        f.put("message", m.text());
        f.put("documentationUrl", documentationUrl(m.code(), docRef));
        return f;
    }

    /** {@code {ConfigAnalysis}/<code lower>/}, with {@code ?ref=} when a doc reference is set. */
    public static String documentationUrl(String code, String docRef) {
        String query = docRef == null || docRef.isEmpty() ? "" : "?ref=" + docRef;
        return CONFIG_ANALYSIS + "/" + code.toLowerCase(Locale.ROOT) + "/" + query;
    }

    /** {@code -L}: {@code * name:} then the description indented four spaces, sorted by name. */
    public static String analyzers(List<Analyzer> analyzers) {
        StringBuilder out = new StringBuilder();
        analyzers.stream().sorted(Comparator.comparing(Analyzer::name)).forEach(a -> {
            out.append("* ").append(a.name()).append(":\n");
            if (a.description() != null && !a.description().isEmpty()) {
                out.append("    ").append(a.description()).append('\n');
            }
        });
        return out.toString();
    }

    /** A string as Go's encoding/json writes it: HTML-safe, U+2028/2029 escaped. */
    static String goQuote(String s) {
        StringBuilder out = new StringBuilder();
        GoJson.quote(out, s, true);
        return out.toString();
    }
}
