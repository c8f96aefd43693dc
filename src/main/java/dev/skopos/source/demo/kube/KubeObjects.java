package dev.skopos.source.demo.kube;

import static dev.skopos.source.demo.Json.arr;
import static dev.skopos.source.demo.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.demo.scenario.DemoNamespace;
import dev.skopos.source.demo.scenario.DemoPod;
import dev.skopos.source.demo.scenario.DemoService;
import dev.skopos.source.demo.scenario.DemoWorkload;
import dev.skopos.source.demo.scenario.Mesh;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every object of the demo cluster as {@link KubeObject}s with their full {@code kubectl get -o json}
 * body, built once per source (they are immutable; the demo mesh does not change).
 */
public final class KubeObjects {

    private KubeObjects() {}

    public static Map<ResourceKind, List<KubeObject>> build(Mesh mesh) {
        Map<ResourceKind, List<KubeObject>> out = new LinkedHashMap<>();
        ResourceKind.ALL.forEach(k -> out.put(k, new ArrayList<>()));
        for (DemoNamespace ns : mesh.scenario().namespaces()) {
            add(out, ResourceKind.NAMESPACE, obj("apiVersion", "v1", "kind", "Namespace",
                    "metadata", meta(null, ns.name(), "Namespace", mesh.ago(ns.age()), ns.labels(), Map.of()),
                    "spec", obj("finalizers", arr("kubernetes")), "status", obj("phase", "Active")));
        }
        for (DemoService s : mesh.scenario().services()) {
            add(out, ResourceKind.SERVICE, service(mesh, s));
            add(out, ResourceKind.ENDPOINT_SLICE, endpointSlice(mesh, s));
        }
        Map<String, DemoWorkload> workloads = new LinkedHashMap<>();
        for (DemoPod pod : mesh.pods()) {
            add(out, ResourceKind.POD, PodJson.pod(mesh, pod));
            workloads.putIfAbsent(pod.namespace() + "/" + pod.workload().name(), pod.workload());
        }
        for (DemoWorkload w : workloads.values()) {
            long replicas = mesh.pods().stream().filter(p -> p.workload() == w).count();
            long ready = mesh.pods().stream().filter(p -> p.workload() == w && !p.crashLooping()).count();
            add(out, ResourceKind.DEPLOYMENT, WorkloadJson.deployment(mesh, w, replicas, ready));
            add(out, ResourceKind.REPLICA_SET, WorkloadJson.replicaSet(mesh, w, replicas, ready));
        }
        add(out, ResourceKind.CONFIG_MAP, obj("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", meta("istio-system", "istio", "ConfigMap", mesh.ago(mesh.scenario().namespaces().get(0).age()),
                        Map.of("istio.io/rev", "default"), Map.of()),
                "data", obj("mesh", "accessLogFile: /dev/stdout\ndefaultConfig:\n  discoveryAddress: istiod.istio-system.svc:15012\n"
                        + "enablePrometheusMerge: true\nrootNamespace: istio-system\ntrustDomain: cluster.local\n",
                        "meshNetworks", "networks: {}")));
        for (JsonNode o : mesh.istioObjects()) {
            ResourceKind kind = ResourceKind.ALL.stream()
                    .filter(k -> k.matches(o.path("apiVersion").asText(), o.path("kind").asText()))
                    .findFirst().orElseThrow();
            add(out, kind, o);
        }
        out.replaceAll((k, list) -> list.stream()
                .sorted(Comparator.comparing(KubeObject::namespace).thenComparing(KubeObject::name)).toList());
        return out;
    }

    static ObjectNode meta(String namespace, String name, String kind, Instant created, Map<String, String> labels,
                           Map<String, String> annotations) {
        return obj("name", name, "namespace", namespace, "uid", KubeJson.uid(kind, namespace, name),
                "resourceVersion", KubeJson.resourceVersion(kind + "/" + namespace + "/" + name),
                "creationTimestamp", created.toString(),
                "labels", labels.isEmpty() ? null : labels, "annotations", annotations.isEmpty() ? null : annotations);
    }

    private static ObjectNode service(Mesh mesh, DemoService s) {
        ArrayNode ports = arr();
        s.ports().forEach(p -> ports.add(obj("name", p.name(), "port", p.port(), "protocol", "TCP", "targetPort", p.targetPort())));
        return obj("apiVersion", "v1", "kind", "Service",
                "metadata", meta(s.namespace(), s.name(), "Service", mesh.ago(s.age()), Map.of("app", s.app()), Map.of()),
                "spec", obj("type", "ClusterIP", "clusterIP", s.clusterIp(), "clusterIPs", arr(s.clusterIp()),
                        "ipFamilies", arr("IPv4"), "ipFamilyPolicy", "SingleStack", "ports", ports,
                        "selector", obj("app", s.app()), "sessionAffinity", "None", "internalTrafficPolicy", "Cluster"),
                "status", obj("loadBalancer", obj()));
    }

    private static ObjectNode endpointSlice(Mesh mesh, DemoService s) {
        ArrayNode endpoints = arr();
        mesh.pods().stream().filter(p -> p.namespace().equals(s.namespace()) && p.workload().app().equals(s.app()))
                .forEach(p -> endpoints.add(obj("addresses", arr(p.ip()),
                        "conditions", obj("ready", !p.crashLooping(), "serving", !p.crashLooping(), "terminating", false),
                        "nodeName", p.node(), "targetRef", obj("kind", "Pod", "namespace", p.namespace(), "name", p.name(),
                                "uid", KubeJson.uid("Pod", p.namespace(), p.name())))));
        ArrayNode ports = arr();
        s.ports().forEach(p -> ports.add(obj("name", p.name(), "port", p.targetPort(), "protocol", "TCP")));
        String name = s.name() + "-" + KubeJson.uid("EndpointSlice", s.namespace(), s.name()).substring(0, 5);
        ObjectNode slice = obj("apiVersion", "discovery.k8s.io/v1", "kind", "EndpointSlice",
                "metadata", meta(s.namespace(), name, "EndpointSlice", mesh.ago(s.age()),
                        Map.of("kubernetes.io/service-name", s.name(), "endpointslice.kubernetes.io/managed-by",
                                "endpointslice-controller.k8s.io"), Map.of()),
                "addressType", "IPv4", "endpoints", endpoints, "ports", ports);
        return slice;
    }

    private static void add(Map<ResourceKind, List<KubeObject>> out, ResourceKind kind, JsonNode raw) {
        JsonNode m = raw.path("metadata");
        out.get(kind).add(new KubeObject(kind, m.path("namespace").asText(""), m.path("name").asText(),
                stringMap(m.path("labels")), stringMap(m.path("annotations")),
                Instant.parse(m.path("creationTimestamp").asText()), raw));
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

}
