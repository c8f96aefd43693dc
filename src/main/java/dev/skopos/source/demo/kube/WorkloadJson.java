package dev.skopos.source.demo.kube;

import static dev.skopos.source.demo.Json.arr;
import static dev.skopos.source.demo.Json.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.demo.scenario.DemoWorkload;
import dev.skopos.source.demo.scenario.Mesh;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deployments and ReplicaSets. The pod template is what the user wrote, before injection: this is
 * where incident 4 is visible (weather-backend's template has no prometheus.io annotations).
 */
final class WorkloadJson {

    private WorkloadJson() {}

    static ObjectNode deployment(Mesh mesh, DemoWorkload w, long replicas, long ready) {
        return obj("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", KubeObjects.meta(w.namespace(), w.name(), "Deployment", mesh.ago(w.age()), labels(w),
                        Map.of("deployment.kubernetes.io/revision", "1")),
                "spec", obj("replicas", replicas, "selector", obj("matchLabels", selector(w)),
                        "strategy", obj("type", "RollingUpdate", "rollingUpdate", obj("maxSurge", "25%", "maxUnavailable", "25%")),
                        "template", template(w, false)),
                "status", obj("observedGeneration", 1, "replicas", replicas, "updatedReplicas", replicas,
                        "readyReplicas", ready, "availableReplicas", ready, "unavailableReplicas", replicas == ready ? null : replicas - ready));
    }

    static ObjectNode replicaSet(Mesh mesh, DemoWorkload w, long replicas, long ready) {
        Map<String, String> labels = new LinkedHashMap<>(selector(w));
        labels.put("pod-template-hash", w.templateHash());
        ObjectNode meta = KubeObjects.meta(w.namespace(), w.replicaSetName(), "ReplicaSet", mesh.ago(w.age()), labels,
                Map.of("deployment.kubernetes.io/desired-replicas", String.valueOf(replicas),
                        "deployment.kubernetes.io/revision", "1"));
        meta.set("ownerReferences", arr(obj("apiVersion", "apps/v1", "kind", "Deployment", "name", w.name(),
                "uid", KubeJson.uid("Deployment", w.namespace(), w.name()), "controller", true, "blockOwnerDeletion", true)));
        return obj("apiVersion", "apps/v1", "kind", "ReplicaSet", "metadata", meta,
                "spec", obj("replicas", replicas, "selector", obj("matchLabels", labels), "template", template(w, true)),
                "status", obj("replicas", replicas, "fullyLabeledReplicas", replicas, "readyReplicas", ready,
                        "availableReplicas", ready, "observedGeneration", 1));
    }

    private static Map<String, String> labels(DemoWorkload w) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", w.app());
        if (w.version() != null) {
            labels.put("version", w.version());
        }
        return labels;
    }

    private static Map<String, String> selector(DemoWorkload w) {
        Map<String, String> s = labels(w);
        if (w.sidecar() == DemoWorkload.Sidecar.GATEWAY) {
            s.put("istio", "ingressgateway");
        }
        return s;
    }

    private static ObjectNode template(DemoWorkload w, boolean withHash) {
        Map<String, String> labels = new LinkedHashMap<>(selector(w));
        if (withHash) {
            labels.put("pod-template-hash", w.templateHash());
        }
        if (w.sidecar() == DemoWorkload.Sidecar.GATEWAY) {
            labels.put("sidecar.istio.io/inject", "false");
        }
        ArrayNode ports = arr();
        w.ports().forEach(p -> ports.add(obj("name", p.name().isEmpty() ? null : p.name(), "containerPort", p.port(),
                "protocol", "TCP")));
        String container = w.sidecar() == DemoWorkload.Sidecar.GATEWAY ? "istio-proxy"
                : w.app().equals("istiod") ? "discovery" : w.app();
        return obj("metadata", obj("labels", labels,
                        "annotations", w.templateAnnotations().isEmpty() ? null : w.templateAnnotations()),
                "spec", obj("serviceAccountName", w.serviceAccount(), "containers", arr(obj("name", container,
                        "image", w.sidecar() == DemoWorkload.Sidecar.GATEWAY ? "auto" : w.image(), "ports", ports))));
    }
}
