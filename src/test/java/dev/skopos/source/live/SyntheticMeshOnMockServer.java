package dev.skopos.source.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.skopos.source.PodRef;
import dev.skopos.source.demo.DemoSource;
import dev.skopos.source.demo.scenario.DemoPod;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mesh of any size on the mock API server, for measuring API economy: {@code pods} pods with
 * istio-proxy sidecars spread over a few namespaces, one istiod whose sync report lists them all as
 * synced, and every proxy answering Envoy admin requests as one demo proxy does (so a summary
 * opened on any of them has real data to show).
 */
public final class SyntheticMeshOnMockServer {

    public static final String ISTIO_VERSION = "1.27.3";
    public static final PodRef ISTIOD = new PodRef("istio-system", "istiod-5c8d7b9f6-q2w4e");
    private static final int NAMESPACES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SyntheticMeshOnMockServer() {
    }

    /** The pods' references, in creation order: {@code app-N-...} in namespaces {@code team-0..4}. */
    public static List<PodRef> pods(int count) {
        List<PodRef> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new PodRef("team-" + (i % NAMESPACES), "app-" + i + "-7d9f8c6b5-" + suffix(i)));
        }
        return out;
    }

    /** Creates the namespaces and pods (straight in the store: thousands of them) and serves their answers. */
    public static void serve(MockApiServer api, DemoSource demo, int count) {
        for (int n = 0; n < NAMESPACES; n++) {
            api.seed("/api/v1/namespaces", namespace("team-" + n));
        }
        api.seed("/api/v1/namespaces", namespace(ISTIOD.namespace()));
        api.seed(podsOf(ISTIOD.namespace()), istiod());
        List<PodRef> pods = pods(count);
        for (PodRef ref : pods) {
            api.seed(podsOf(ref.namespace()), sidecarPod(ref));
        }
        DemoPod template = demo.mesh().proxies().stream().filter(p -> !p.gateway()).findFirst().orElseThrow();
        DemoAnswers envoy = new DemoAnswers(demo, ref -> ref.name().startsWith("app-") ? Optional.of(template)
                : Optional.empty());
        String syncz = syncz(pods);
        api.forwards().answers(new PortForwardDispatcher.Answers() {
            @Override
            public boolean serves(String ns, String pod, int port) {
                return isIstiod(ns, pod) ? port == DemoAnswers.ISTIOD_DEBUG : envoy.serves(ns, pod, port);
            }

            @Override
            public PortForwardDispatcher.Answer answer(String ns, String pod, int port, String method, String path) {
                if (isIstiod(ns, pod)) {
                    return path.equals("/debug/syncz") ? new PortForwardDispatcher.Answer(200, syncz, 0) : null;
                }
                return envoy.answer(ns, pod, port, method, path);
            }
        });
    }

    private static String podsOf(String namespace) {
        return "/api/v1/namespaces/" + namespace + "/pods";
    }

    private static io.fabric8.kubernetes.api.model.Namespace namespace(String name) {
        return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
    }

    private static boolean isIstiod(String ns, String pod) {
        return ISTIOD.equals(new PodRef(ns, pod));
    }

    /** istiod's HTTP {@code /debug/syncz}: every proxy connected and acked on every type. */
    static String syncz(List<PodRef> pods) {
        ArrayNode rows = JSON.createArrayNode();
        for (PodRef p : pods) {
            var row = rows.addObject().put("cluster_id", "Kubernetes").put("proxy", p.proxyId())
                    .put("proxy_type", "sidecar").put("istio_version", ISTIO_VERSION);
            for (String type : List.of("cluster", "listener", "route", "endpoint")) {
                String nonce = Integer.toHexString((p.proxyId() + type).hashCode());
                row.put(type + "_sent", nonce).put(type + "_acked", nonce);
            }
        }
        return rows.toString();
    }

    private static Pod istiod() {
        return new PodBuilder().withNewMetadata().withName(ISTIOD.name()).withNamespace(ISTIOD.namespace())
                .addToLabels("app", "istiod").addToLabels("istio.io/rev", "default").endMetadata()
                .withNewSpec().addToContainers(new ContainerBuilder().withName("discovery")
                        .withImage("docker.io/istio/pilot:" + ISTIO_VERSION).build()).endSpec()
                .withNewStatus().withPhase("Running").endStatus().build();
    }

    private static Pod sidecarPod(PodRef ref) {
        String app = ref.name().substring(0, ref.name().indexOf("-7d9f"));
        return new PodBuilder().withNewMetadata().withName(ref.name()).withNamespace(ref.namespace())
                .addToLabels("app", app).addToLabels("version", "v1")
                .addToLabels("security.istio.io/tlsMode", "istio")
                .withCreationTimestamp("2026-11-20T10:00:00Z").endMetadata()
                .withNewSpec()
                .addToContainers(new ContainerBuilder().withName(app).withImage("registry.local/" + app + ":1").build())
                .addToContainers(new ContainerBuilder().withName("istio-proxy")
                        .withImage("docker.io/istio/proxyv2:" + ISTIO_VERSION).build())
                .endSpec()
                .withNewStatus().withPhase("Running")
                .addNewContainerStatus().withName(app).withReady(true).withRestartCount(0).endContainerStatus()
                .addNewContainerStatus().withName("istio-proxy").withReady(true).withRestartCount(0).endContainerStatus()
                .endStatus().build();
    }

    private static String suffix(int i) {
        String letters = "bcdfghjklmnpqrstvwxz";
        StringBuilder sb = new StringBuilder();
        for (int n = i + 7919, k = 0; k < 5; k++, n /= letters.length()) {
            sb.append(letters.charAt(n % letters.length()));
        }
        return sb.toString();
    }
}
