package dev.skopos.source.demo.kube;

import static dev.skopos.source.demo.Json.arr;
import static dev.skopos.source.demo.Json.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.demo.Json;
import dev.skopos.source.demo.scenario.DemoPod;
import dev.skopos.source.demo.scenario.DemoWorkload;
import dev.skopos.source.demo.scenario.DemoWorkload.Sidecar;
import dev.skopos.source.demo.scenario.Mesh;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pod as {@code kubectl get pod -o json} prints it after the sidecar injector ran: istio-init,
 * istio-proxy (in containers, or in initContainers with restartPolicy Always for native sidecars),
 * the injector's annotations, and container statuses carrying the scenario's restarts.
 */
final class PodJson {

    private static final String PROXY_IMAGE = "docker.io/istio/proxyv2:";

    private PodJson() {}

    static ObjectNode pod(Mesh mesh, DemoPod pod) {
        DemoWorkload w = pod.workload();
        Instant created = mesh.ago(pod.age());
        ArrayNode containers = arr();
        ArrayNode initContainers = arr();
        ArrayNode statuses = arr();
        ArrayNode initStatuses = arr();
        String version = mesh.scenario().istioVersion();
        if (w.sidecar() == Sidecar.CLASSIC || w.sidecar() == Sidecar.NATIVE) {
            initContainers.add(istioInit(version));
            initStatuses.add(status(pod, "istio-init", PROXY_IMAGE + version, created, true, false));
        }
        if (w.sidecar() == Sidecar.NATIVE) {
            initContainers.add(istioProxy(pod, version).put("restartPolicy", "Always"));
            initStatuses.add(status(pod, "istio-proxy", PROXY_IMAGE + version, created, false, true));
        } else if (w.sidecar() != Sidecar.NONE) {
            containers.add(istioProxy(pod, version));
        }
        if (!pod.gateway()) {
            String name = w.app().equals("istiod") ? "discovery" : w.app();
            containers.add(appContainer(w, name, version));
            statuses.add(status(pod, name, w.image(), created, false, false));
        }
        if (w.sidecar() == Sidecar.CLASSIC || w.sidecar() == Sidecar.GATEWAY) {
            statuses.add(status(pod, "istio-proxy", PROXY_IMAGE + version, created, false, false));
        }
        boolean ready = !pod.crashLooping();
        String created0 = created.toString();
        return obj("apiVersion", "v1", "kind", "Pod",
                "metadata", obj("name", pod.name(), "generateName", w.replicaSetName() + "-", "namespace", pod.namespace(),
                        "uid", KubeJson.uid("Pod", pod.namespace(), pod.name()),
                        "resourceVersion", KubeJson.resourceVersion("Pod/" + pod.name()),
                        "creationTimestamp", created0,
                        "labels", mesh.podLabels(pod),
                        "annotations", annotations(pod),
                        "ownerReferences", arr(obj("apiVersion", "apps/v1", "kind", "ReplicaSet", "name", w.replicaSetName(),
                                "uid", KubeJson.uid("ReplicaSet", pod.namespace(), w.replicaSetName()),
                                "controller", true, "blockOwnerDeletion", true))),
                "spec", obj("serviceAccountName", w.serviceAccount(), "serviceAccount", w.serviceAccount(),
                        "nodeName", pod.node(), "restartPolicy", "Always", "dnsPolicy", "ClusterFirst",
                        "terminationGracePeriodSeconds", 30, "schedulerName", "default-scheduler",
                        "initContainers", initContainers.isEmpty() ? null : initContainers,
                        "containers", containers,
                        "volumes", w.hasProxy() ? arr(obj("name", "istio-envoy", "emptyDir", obj("medium", "Memory")),
                                obj("name", "istiod-ca-cert", "configMap", obj("name", "istio-ca-root-cert"))) : null),
                "status", obj("phase", "Running",
                        "conditions", arr(
                                condition("PodReadyToStartContainers", true, created.plusSeconds(2)),
                                condition("Initialized", true, created.plusSeconds(3)),
                                condition("Ready", ready, ready ? created.plusSeconds(6) : mesh.ago(pod.lastRestartAgo() == null ? Duration.ZERO : pod.lastRestartAgo())),
                                condition("ContainersReady", ready, ready ? created.plusSeconds(6) : mesh.ago(pod.lastRestartAgo())),
                                condition("PodScheduled", true, created)),
                        "hostIP", "172.18.0." + (pod.node().charAt(pod.node().length() - 1) - '0' + 1),
                        "podIP", pod.ip(), "podIPs", arr(obj("ip", pod.ip())),
                        "startTime", created0,
                        "initContainerStatuses", initStatuses.isEmpty() ? null : initStatuses,
                        "containerStatuses", statuses,
                        "qosClass", "Burstable"));
    }

    private static Map<String, String> annotations(DemoPod pod) {
        Map<String, String> a = new LinkedHashMap<>(pod.workload().templateAnnotations());
        if (pod.workload().sidecar() == Sidecar.CLASSIC || pod.workload().sidecar() == Sidecar.NATIVE) {
            a.put("istio.io/rev", "default");
            a.put("kubectl.kubernetes.io/default-container", pod.workload().app());
            a.put("kubectl.kubernetes.io/default-logs-container", pod.workload().app());
            // Metrics merging: the injector points Prometheus at the agent (15020), which merges the
            // app's metrics only if the template had its own prometheus.io annotations (incident 4).
            a.put("prometheus.io/path", "/stats/prometheus");
            a.put("prometheus.io/port", "15020");
            a.put("prometheus.io/scrape", "true");
            a.put("sidecar.istio.io/status", Json.compact(obj("initContainers", arr("istio-init"),
                    "containers", arr("istio-proxy"), "volumes", arr("workload-socket", "credential-socket",
                            "workload-certs", "istio-envoy", "istio-data", "istio-podinfo", "istio-token", "istiod-ca-cert"),
                    "imagePullSecrets", null, "revision", "default")));
        }
        return a;
    }

    private static ObjectNode istioInit(String version) {
        return obj("name", "istio-init", "image", PROXY_IMAGE + version,
                "args", arr("istio-iptables", "-p", "15001", "-z", "15006", "-u", "1337", "-m", "REDIRECT", "-i", "*",
                        "-x", "", "-b", "*", "-d", "15090,15021,15020", "--log_output_level=default:info"),
                "securityContext", obj("capabilities", obj("add", arr("NET_ADMIN", "NET_RAW"), "drop", arr("ALL")),
                        "runAsUser", 0, "runAsNonRoot", false));
    }

    private static ObjectNode istioProxy(DemoPod pod, String version) {
        String role = pod.gateway() ? "router" : "sidecar";
        String metricsAnnotations = pod.workload().templateAnnotations().containsKey("prometheus.io/scrape")
                ? Json.compact(obj("scrape", "true", "path", "/metrics", "port", "9090")) : null;
        ArrayNode env = arr(
                obj("name", "PILOT_CERT_PROVIDER", "value", "istiod"),
                obj("name", "CA_ADDR", "value", "istiod.istio-system.svc:15012"),
                obj("name", "POD_NAME", "valueFrom", obj("fieldRef", obj("apiVersion", "v1", "fieldPath", "metadata.name"))),
                obj("name", "POD_NAMESPACE", "valueFrom", obj("fieldRef", obj("apiVersion", "v1", "fieldPath", "metadata.namespace"))),
                obj("name", "INSTANCE_IP", "valueFrom", obj("fieldRef", obj("apiVersion", "v1", "fieldPath", "status.podIP"))),
                obj("name", "ISTIO_META_CLUSTER_ID", "value", "Kubernetes"),
                obj("name", "ISTIO_META_MESH_ID", "value", "cluster.local"),
                obj("name", "ISTIO_META_WORKLOAD_NAME", "value", pod.workload().name()),
                metricsAnnotations == null ? null : obj("name", "ISTIO_PROMETHEUS_ANNOTATIONS", "value", metricsAnnotations));
        return obj("name", "istio-proxy", "image", PROXY_IMAGE + version,
                "args", arr("proxy", role, "--domain", "$(POD_NAMESPACE).svc.cluster.local", "--proxyLogLevel=warning",
                        "--proxyComponentLogLevel=misc:error", "--log_output_level=default:info"),
                "env", env,
                "ports", arr(obj("containerPort", 15090, "name", "http-envoy-prom", "protocol", "TCP")),
                "readinessProbe", obj("httpGet", obj("path", "/healthz/ready", "port", 15021, "scheme", "HTTP"),
                        "periodSeconds", 15, "timeoutSeconds", 3, "failureThreshold", 4),
                "resources", obj("limits", obj("cpu", "2", "memory", "1Gi"), "requests", obj("cpu", "100m", "memory", "128Mi")),
                "securityContext", obj("allowPrivilegeEscalation", false, "readOnlyRootFilesystem", true,
                        "runAsUser", 1337, "runAsGroup", 1337, "runAsNonRoot", true));
    }

    private static ObjectNode appContainer(DemoWorkload w, String name, String version) {
        ArrayNode ports = arr();
        w.ports().forEach(p -> ports.add(obj("name", p.name().isEmpty() ? null : p.name(), "containerPort", p.port(),
                "protocol", "TCP")));
        ObjectNode c = obj("name", name, "image", w.image(), "imagePullPolicy", "IfNotPresent", "ports", ports,
                "resources", obj("requests", obj("cpu", "50m", "memory", "64Mi")));
        if (name.equals("discovery")) {
            c.set("args", arr("discovery", "--monitoringAddr=:15014", "--log_output_level=default:info", "--domain",
                    "cluster.local", "--keepaliveMaxServerConnectionAge", "30m"));
            // Protocol sniffing off: a Service port whose name has no protocol prefix is plain TCP (incident 1).
            c.set("env", arr(obj("name", "PILOT_ENABLE_PROTOCOL_SNIFFING_FOR_OUTBOUND", "value", "false"),
                    obj("name", "PILOT_ENABLE_PROTOCOL_SNIFFING_FOR_INBOUND", "value", "false"),
                    obj("name", "REVISION", "value", "default"), obj("name", "PILOT_TRACE_SAMPLING", "value", "1")));
        }
        return c;
    }

    private static ObjectNode status(DemoPod pod, String name, String image, Instant created, boolean completed,
                                     boolean nativeSidecar) {
        boolean restartedHere = name.equals(pod.restartedContainer());
        int restarts = restartedHere ? pod.restarts() : 0;
        ObjectNode state;
        ObjectNode lastState = obj();
        boolean ready;
        if (completed) {
            state = obj("terminated", obj("exitCode", 0, "reason", "Completed", "startedAt", created.plusSeconds(1).toString(),
                    "finishedAt", created.plusSeconds(2).toString(), "containerID", KubeJson.containerId(pod.name() + name)));
            ready = true;
        } else if (restartedHere && pod.crashLooping()) {
            state = obj("waiting", obj("reason", "CrashLoopBackOff", "message", "back-off 5m0s restarting failed container="
                    + name + " pod=" + pod.name() + "_" + pod.namespace() + "(" + KubeJson.uid("Pod", pod.namespace(), pod.name()) + ")"));
            lastState = obj("terminated", obj("exitCode", 1, "reason", "Error",
                    "startedAt", pod.lastRestartAgo() == null ? null : created.toString(),
                    "finishedAt", created.toString(), "containerID", KubeJson.containerId(pod.name() + name + restarts)));
            ready = false;
        } else {
            Instant started = restartedHere ? created.plus(pod.age().minus(pod.lastRestartAgo())) : created.plusSeconds(4);
            state = obj("running", obj("startedAt", started.toString()));
            if (restartedHere) {
                lastState = obj("terminated", obj("exitCode", 137, "reason", "OOMKilled",
                        "startedAt", created.plusSeconds(4).toString(), "finishedAt", started.minusSeconds(1).toString(),
                        "containerID", KubeJson.containerId(pod.name() + name + (restarts - 1))));
            }
            ready = true;
        }
        return obj("name", name, "image", image, "imageID", image.replaceAll(":.*", "") + "@sha256:"
                        + KubeJson.containerId(image).substring("containerd://".length()),
                "containerID", KubeJson.containerId(pod.name() + name + restarts),
                "ready", ready, "restartCount", restarts,
                "started", completed ? false : !(restartedHere && pod.crashLooping()),
                "state", state, "lastState", lastState);
    }

    private static ObjectNode condition(String type, boolean status, Instant at) {
        return obj("type", type, "status", status ? "True" : "False", "lastProbeTime", null,
                "lastTransitionTime", at.toString());
    }
}
