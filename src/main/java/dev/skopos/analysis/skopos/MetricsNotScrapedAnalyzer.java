package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Incident 4: an application serves metrics but its pod template does not ask Prometheus to scrape
 * them. Checked on what the user writes, the pod templates of Deployments, StatefulSets and DaemonSets,
 * and on pods no such workload owns. On an injected pod the injector has already rewritten the
 * prometheus.io annotations to point at the agent (15020); the app's own ones survive only in the
 * proxy's ISTIO_PROMETHEUS_ANNOTATIONS env, which is what counts there.
 *
 * <p>A metrics port: a container port whose name contains "metrics", or 9090/9091 (Prometheus's and
 * Pushgateway's conventional ports). Istio's own 15020/15090 and istio-proxy's ports are not the app's.
 */
public final class MetricsNotScrapedAnalyzer implements Analyzer {

    private static final Set<Integer> CONVENTIONAL = Set.of(9090, 9091);
    private static final Set<Integer> ISTIO_PORTS = Set.of(15020, 15090);

    @Override
    public String name() {
        return "skopos.MetricsNotScraped";
    }

    @Override
    public String description() {
        return "Finds workloads exposing a metrics port without prometheus.io scrape annotations on the pod template";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet")) {
            for (Resource w : snapshot.list("apps", kind)) {
                JsonNode template = w.spec().path("template");
                check(w, template.path("metadata").path("annotations"), template.path("spec"), reporter);
            }
        }
        for (Pods.Group g : Pods.groups(snapshot)) {
            if (g.subject().kind().equals("Pod")) {
                check(g.pod(), podAnnotations(g.pod()), g.pod().spec(), reporter);
            }
        }
    }

    /** The annotations that say what the app wants scraped: the injector's copy when it rewrote them. */
    private static JsonNode podAnnotations(Resource pod) {
        JsonNode annotations = pod.metadata().path("annotations");
        if (!annotations.path("prometheus.io/port").asText().equals("15020")) {
            return annotations;
        }
        JsonNode env = Pods.proxy(pod).map(p -> p.path("env")).orElse(null);
        if (env != null) {
            for (JsonNode e : env) {
                if (e.path("name").asText().equals("ISTIO_PROMETHEUS_ANNOTATIONS")) {
                    JsonNode app = MeshConfigs.parse(e.path("value").asText(""));
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    app.fields().forEachRemaining(f -> out.set("prometheus.io/" + f.getKey(), f.getValue()));
                    return out;
                }
            }
        }
        return MissingNode.getInstance(); // the injector's, not the app's
    }

    private static void check(Resource subject, JsonNode annotations, JsonNode podSpec, Reporter reporter) {
        String port = metricsPort(podSpec);
        if (port == null || annotations.has("prometheus.io/scrape")) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String key : List.of("scrape", "port", "path")) {
            if (!annotations.has("prometheus.io/" + key)) {
                missing.add("prometheus.io/" + key);
            }
        }
        reporter.report("MetricsNotScraped", subject, subject.kind() + " " + subject.fullName(), port,
                String.join(", ", missing));
    }

    /** The first metrics port of an app container, as {@code name/number} or the number; null when none. */
    static String metricsPort(JsonNode podSpec) {
        for (JsonNode c : Pods.appContainers(podSpec)) {
            for (JsonNode p : c.path("ports")) {
                int number = p.path("containerPort").asInt();
                String name = p.path("name").asText("");
                if (ISTIO_PORTS.contains(number)) {
                    continue;
                }
                if (name.toLowerCase(Locale.ROOT).contains("metrics") || CONVENTIONAL.contains(number)) {
                    return name.isEmpty() ? String.valueOf(number) : name + " " + number;
                }
            }
        }
        return null;
    }
}
