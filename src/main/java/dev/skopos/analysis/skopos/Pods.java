package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pods as the sidecar injector left them, grouped by the workload that owns them so a finding about a
 * Deployment's template is reported once, on the Deployment, not once per replica.
 */
final class Pods {

    /**
     * The pods of one workload.
     *
     * @param subject what to report on: the Deployment (through its ReplicaSet) when the snapshot has it,
     *                else the ReplicaSet, else the pod itself
     * @param pod     the first pod, whose spec stands for all of them (replicas share the template)
     */
    record Group(Resource subject, Resource pod, int count) {}

    /** A workload a Service selects: its pods' labels and spec, named by its owner. */
    record Selected(String name, Map<String, String> labels, JsonNode podSpec) {}

    private Pods() {
    }

    /**
     * The workloads a selector picks in a namespace: running pods (one per owner), else, for manifests
     * without pods, the pod templates of Deployments, StatefulSets and DaemonSets.
     */
    static List<Selected> workloads(ResourceSnapshot snapshot, String namespace, JsonNode selector) {
        List<Selected> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Resource pod : selectedBy(snapshot, namespace, selector)) {
            Resource subject = subject(snapshot, pod);
            if (seen.add(subject.kind() + "/" + subject.name())) {
                out.add(new Selected(subject.kind() + " " + subject.fullName(), pod.labels(), pod.spec()));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet")) {
            for (Resource w : snapshot.list("apps", kind)) {
                JsonNode template = w.spec().path("template");
                Map<String, String> labels = new LinkedHashMap<>();
                template.path("metadata").path("labels").fields()
                        .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
                if (w.namespace().equals(namespace) && selects(selector, labels)) {
                    out.add(new Selected(kind + " " + w.fullName(), labels, template.path("spec")));
                }
            }
        }
        return out;
    }

    static List<Group> groups(ResourceSnapshot snapshot) {
        Map<String, List<Resource>> byOwner = new LinkedHashMap<>();
        for (Resource pod : snapshot.list("", "Pod")) {
            Optional<JsonNode> owner = controller(pod);
            String key = owner.map(o -> pod.namespace() + "/" + o.path("kind").asText() + "/" + o.path("name").asText())
                    .orElse(pod.namespace() + "/Pod/" + pod.name());
            byOwner.computeIfAbsent(key, k -> new ArrayList<>()).add(pod);
        }
        List<Group> out = new ArrayList<>();
        byOwner.values().forEach(pods -> out.add(new Group(subject(snapshot, pods.get(0)), pods.get(0), pods.size())));
        return out;
    }

    /** Follows controller references up (Pod → ReplicaSet → Deployment) as far as the snapshot goes. */
    static Resource subject(ResourceSnapshot snapshot, Resource pod) {
        Resource current = pod;
        for (int depth = 0; depth < 3; depth++) {
            Optional<JsonNode> owner = controller(current);
            if (owner.isEmpty()) {
                return current;
            }
            String kind = owner.get().path("kind").asText();
            String group = kind.equals("ReplicaSet") || kind.equals("Deployment") || kind.equals("StatefulSet")
                    || kind.equals("DaemonSet") ? "apps" : "batch";
            Optional<Resource> next = snapshot.find(group, kind, current.namespace(), owner.get().path("name").asText());
            if (next.isEmpty()) {
                return current;
            }
            current = next.get();
        }
        return current;
    }

    private static Optional<JsonNode> controller(Resource r) {
        for (JsonNode o : r.metadata().path("ownerReferences")) {
            if (o.path("controller").asBoolean(false)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** Kubernetes label selection: every selector label present with the same value (empty selects nothing here). */
    static boolean selects(JsonNode matchLabels, Map<String, String> labels) {
        if (!matchLabels.isObject() || matchLabels.isEmpty()) {
            return false;
        }
        var it = matchLabels.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Pods of a namespace that a Service selector picks. */
    static List<Resource> selectedBy(ResourceSnapshot snapshot, String namespace, JsonNode selector) {
        return snapshot.list("", "Pod").stream()
                .filter(p -> p.namespace().equals(namespace) && selects(selector, p.labels())).toList();
    }

    /** istio-proxy as a container or a native sidecar init container. */
    static Optional<JsonNode> proxy(Resource pod) {
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode c : pod.spec().path(list)) {
                if (c.path("name").asText().equals("istio-proxy")) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** Native sidecar (Kubernetes 1.28+, Istio 1.27 default): istio-proxy in initContainers with restartPolicy Always. */
    static boolean nativeSidecar(Resource pod) {
        for (JsonNode c : pod.spec().path("initContainers")) {
            if (c.path("name").asText().equals("istio-proxy") && c.path("restartPolicy").asText().equals("Always")) {
                return true;
            }
        }
        return false;
    }

    /** Containers that are the application's (not istio-proxy). */
    static List<JsonNode> appContainers(JsonNode podSpec) {
        List<JsonNode> out = new ArrayList<>();
        podSpec.path("containers").forEach(c -> {
            if (!c.path("name").asText().equals("istio-proxy")) {
                out.add(c);
            }
        });
        return out;
    }
}
