package dev.skopos.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skopos.mesh.WorkloadReplicas.Workload;
import dev.skopos.source.KubeObject;
import dev.skopos.source.PodRef;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.demo.DemoSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadReplicasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theDemoHasOneWorkloadWithTwoProxies() {
        DemoSource demo = new DemoSource(Clock.fixed(Instant.parse("2025-11-27T12:00:00Z"), ZoneOffset.UTC));
        List<KubeObject> pods = demo.objects().list(ResourceKind.POD, Scope.ALL);
        List<Proxy> proxies = ProxyInventory.build(pods, List.of());
        List<WorkloadReplicas> groups = WorkloadReplicas.group(proxies, pods);
        assertThat(groups.stream().mapToInt(g -> g.proxies().size()).sum()).isEqualTo(proxies.size());
        List<WorkloadReplicas> comparable = groups.stream().filter(WorkloadReplicas::comparable).toList();
        assertThat(comparable).hasSize(1);
        assertThat(comparable.get(0).workload()).isEqualTo(new Workload("bookinfo", "Deployment", "reviews-v2"));
        assertThat(comparable.get(0).proxies()).extracting(p -> p.pod().name())
                .containsExactly("reviews-v2-6c9d8b7f5-h2lqw", "reviews-v2-6c9d8b7f5-r9fjd");
        assertThat(WorkloadReplicas.containing(groups, new PodRef("bookinfo", "reviews-v2-6c9d8b7f5-r9fjd")))
                .hasValue(comparable.get(0));
        // reviews-v1 is another Deployment, not another replica
        assertThat(WorkloadReplicas.containing(groups, new PodRef("bookinfo", "reviews-v1-5d8f7c9b4-tm4vx"))
                .orElseThrow().comparable()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // case                          | pod name                       | labels                                 | owner kind  | owner name              | expected
            "ReplicaSet of a Deployment      | reviews-v2-6c9d8b7f5-h2lqw     | app=reviews,pod-template-hash=6c9d8b7f5 | ReplicaSet  | reviews-v2-6c9d8b7f5    | Deployment bookinfo/reviews-v2",
            "bare ReplicaSet (hash differs)  | cache-x1-abcde                 | pod-template-hash=zzz                  | ReplicaSet  | cache-x1                | ReplicaSet bookinfo/cache-x1",
            "StatefulSet                     | db-0                           | app=db                                 | StatefulSet | db                      | StatefulSet bookinfo/db",
            "no owner: app and version       | ratings-manual                 | app=ratings,version=v1                 | -           | -                       | app bookinfo/ratings/v1",
            "no owner: canonical name only   | x-1                            | service.istio.io/canonical-name=x      | -           | -                       | app bookinfo/x",
            "no owner: generated name        | details-v1-65b9d8c7f-8jq2n     | pod-template-hash=65b9d8c7f            | -           | -                       | Deployment bookinfo/details-v1",
            "nothing to go by                | debug-shell                    | -                                      | -           | -                       | Pod bookinfo/debug-shell"})
    void findsTheOwner(String what, String name, String labels, String ownerKind, String ownerName, String expected) {
        assertThat(WorkloadReplicas.workloadOf(pod(name, labels, ownerKind, ownerName)).label()).isEqualTo(expected);
    }

    @Test
    void aProxyWithoutItsPodObjectStandsAlone() {
        Proxy orphan = new Proxy(new PodRef("ns", "lonely-1"), ProxyKind.SIDECAR, false, "2/2", "Running", 0,
                Instant.EPOCH, "1.27.3", null);
        List<WorkloadReplicas> groups = WorkloadReplicas.group(List.of(orphan), List.of());
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.workload().label()).isEqualTo("Pod ns/lonely-1");
            assertThat(g.comparable()).isFalse();
        });
    }

    private static KubeObject pod(String name, String labels, String ownerKind, String ownerName) {
        Map<String, String> map = new HashMap<>();
        if (labels != null) {
            for (String kv : labels.split(",")) {
                String[] p = kv.split("=", 2);
                map.put(p[0], p[1]);
            }
        }
        var metadata = MAPPER.createObjectNode().put("name", name).put("namespace", "bookinfo");
        if (ownerKind != null) {
            metadata.putArray("ownerReferences").addObject().put("apiVersion", "apps/v1").put("kind", ownerKind)
                    .put("name", ownerName).put("controller", true);
        }
        JsonNode raw = MAPPER.createObjectNode().set("metadata", metadata);
        return new KubeObject(ResourceKind.POD, "bookinfo", name, map, Map.of(), Instant.EPOCH, raw);
    }
}
