package dev.skopos.source.live;

import dev.skopos.source.IstiodInstance;
import dev.skopos.source.KubeObject;
import dev.skopos.source.PodRef;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Opens a live cluster as a {@code MeshSource}: the kube connection, informer-backed objects, and
 * the parts that reach pods by port-forward (Envoy admin on the proxies, istiod's debug and
 * ControlZ ports), all sharing one forward pool so a pod port is tunnelled once.
 */
public final class LiveSources {

    private LiveSources() {
    }

    /**
     * @param kubeconfig null for the usual discovery (KUBECONFIG, ~/.kube/config, in-cluster)
     * @param context    null for the kubeconfig's current context
     * @param adminPort  Envoy's admin port in the proxies (15000 unless --proxy-admin-port)
     * @throws SourceException with a one-line reason when the kubeconfig or context is unusable
     */
    public static LiveSource open(Path kubeconfig, String context, int adminPort, Executor executor) {
        KubeConnection connection = KubeConnection.open(kubeconfig, context);
        return new LiveSource(connection, (conn, objects) -> {
            AdminPorts ports = new AdminPorts(conn.client(), executor);
            AnswerCache answers = new AnswerCache(ports, executor); // one cache for every pod answer of this cluster
            return new LiveSource.Parts(
                    new LiveEnvoyAdmin(ports, answers, adminPort),
                    new LiveIstiodDebug(ports, answers, () -> istiods(objects),
                            LiveIstiodDebug.DEFAULT_DEBUG_PORT, LiveIstiodDebug.DEFAULT_CONTROLZ_PORT),
                    new LiveLogStreams(conn.client()),
                    new LivePortForwards(conn.client(), executor),
                    answers::invalidateAll);
        });
    }

    /** istiod replicas: pods labelled app=istiod in istio-system, revision and version from their labels and image. */
    static List<IstiodInstance> istiods(LiveClusterObjects objects) {
        List<IstiodInstance> out = new ArrayList<>();
        try {
            for (KubeObject pod : objects.list(ResourceKind.POD, Scope.of(LiveSource.ISTIO_NAMESPACE))) {
                if (!"istiod".equals(pod.labels().get("app"))) {
                    continue;
                }
                String version = "";
                for (var c : pod.raw().path("spec").path("containers")) {
                    if ("discovery".equals(c.path("name").asText())) {
                        String tag = LiveSource.imageTag(c.path("image").asText(""));
                        version = tag == null ? "" : tag;
                    }
                }
                out.add(new IstiodInstance(new PodRef(pod.namespace(), pod.name()),
                        pod.labels().getOrDefault("istio.io/rev", "default"), version));
            }
        } catch (SourceException e) {
            return List.of();
        }
        out.sort(Comparator.comparing(IstiodInstance::name));
        return out;
    }
}
