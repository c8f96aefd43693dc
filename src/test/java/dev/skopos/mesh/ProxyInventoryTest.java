package dev.skopos.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.skopos.istiod.ProxySync;
import dev.skopos.source.KubeObject;
import dev.skopos.source.PodRef;
import dev.skopos.source.ResourceKind;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyInventoryTest {

    private static final List<String> FIXTURES = List.of("classic-sidecar.json", "native-sidecar.json", "gateway.json",
            "crashloop.json", "no-proxy.json", "native-initializing.json", "terminating.json", "malformed.json");

    @Test
    void findsClassicAndNativeSidecarsAndGatewaysSortedByNamespaceAndName() {
        ProxySync productpage = new ProxySync("productpage-v1-54bb874995-x7n2k.bookinfo", "Kubernetes", "istiod-1",
                "1.26.2", List.of());
        ProxySync stranger = new ProxySync("gone-pod.bookinfo", "Kubernetes", "istiod-1", "1.26.2", List.of());

        List<Proxy> proxies = ProxyInventory.build(
                FIXTURES.stream().map(PodFixtures::pod).toList(), List.of(stranger, productpage));

        assertThat(proxies).extracting(p -> p.pod().proxyId(), Proxy::kind, Proxy::nativeSidecar, Proxy::ready,
                Proxy::status, Proxy::restarts, Proxy::proxyVersion).containsExactly(
                tuple("details-v1-65cfcf56f9-zzt7l.bookinfo", ProxyKind.SIDECAR, true, "0/2", "Init:1/2", 2, "1.27.3"),
                tuple("half-written.bookinfo", ProxyKind.SIDECAR, false, "0/2", "Init:0/0", 0, ""),
                tuple("productpage-v1-54bb874995-old01.bookinfo", ProxyKind.SIDECAR, false, "1/2", "Terminating", 0, "1.26.2"),
                tuple("productpage-v1-54bb874995-x7n2k.bookinfo", ProxyKind.SIDECAR, false, "2/2", "Running", 0, "1.26.2"),
                tuple("ratings-v1-5dc79b6bcd-8mv4z.bookinfo", ProxyKind.SIDECAR, false, "1/2", "CrashLoopBackOff", 7, "1.26.2"),
                tuple("reviews-v1-7c5d8f6b9d-q2w3e.bookinfo", ProxyKind.SIDECAR, true, "2/2", "Running", 1, "1.27.3"),
                tuple("istio-ingressgateway-6b7b6d9c4-2kq8p.istio-system", ProxyKind.GATEWAY, false, "1/1", "Running", 0,
                        "1.27.3-distroless"));

        Proxy classic = proxies.get(3);
        assertThat(classic.sync()).isSameAs(productpage);
        assertThat(classic.created()).isEqualTo(Instant.parse("2025-11-20T08:00:00Z"));
        assertThat(classic.faulty()).isFalse();
        assertThat(proxies).filteredOn(p -> p != classic).allSatisfy(p -> assertThat(p.sync()).isNull());
        assertThat(proxies.get(1).created()).isNull();
    }

    @Test
    void skipsObjectsWithoutAnythingToRead() {
        KubeObject noRaw = new KubeObject(ResourceKind.POD, "ns", "a", null, null, null, null);
        KubeObject noName = new KubeObject(ResourceKind.POD, "ns", "", null, null, null,
                PodFixtures.parse("{\"spec\":{\"containers\":[{\"name\":\"istio-proxy\"}]}}"));
        KubeObject arrayRaw = new KubeObject(ResourceKind.POD, "ns", "b", null, null, null, PodFixtures.parse("[]"));

        assertThat(ProxyInventory.build(Arrays.asList(noRaw, null, noName, arrayRaw), null)).isEmpty();
        assertThat(ProxyInventory.build(null, List.of())).isEmpty();
    }

    @Test
    void aPlainInitContainerNamedIstioProxyIsNotAProxy() {
        KubeObject pod = PodFixtures.pod(PodFixtures.parse("""
                {"metadata": {"name": "odd", "namespace": "ns"},
                 "spec": {"initContainers": [{"name": "istio-proxy"}], "containers": [{"name": "app"}]}}
                """));

        assertThat(ProxyInventory.build(List.of(pod), List.of())).isEmpty();
    }

    @Test
    void namesComeFromMetadataWhenTheSourceLeftThemOut() {
        KubeObject pod = new KubeObject(ResourceKind.POD, null, null, Map.of(), Map.of(), null, PodFixtures.parse("""
                {"metadata": {"name": "p", "namespace": "ns", "creationTimestamp": "2025-01-02T03:04:05Z"},
                 "spec": {"containers": [{"name": "app"}, {"name": "istio-proxy"}]}}
                """));

        assertThat(ProxyInventory.build(List.of(pod), List.of())).singleElement().satisfies(p -> {
            assertThat(p.pod()).isEqualTo(new PodRef("ns", "p"));
            assertThat(p.created()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        });
    }

    @Test
    void podsOfSeveralClustersKeepTheirClusterAndTakeTheReportOfTheirOwnClusterId() {
        String json = """
                {"metadata": {"name": "db-0", "namespace": "shop"},
                 "spec": {"containers": [{"name": "app"}, {"name": "istio-proxy",
                   "env": [{"name": "ISTIO_META_CLUSTER_ID", "value": "%s"}]}]}}
                """;
        KubeObject east = PodFixtures.pod(PodFixtures.parse(json.formatted("cluster-east"))).inCluster("east");
        KubeObject west = PodFixtures.pod(PodFixtures.parse(json.formatted("cluster-west"))).inCluster("west");
        List<ProxySync> syncs = List.of(sync("cluster-west", "istiod-w"), sync("cluster-east", "istiod-e"));

        List<Proxy> proxies = ProxyInventory.build(List.of(west, east), syncs);

        assertThat(proxies).extracting(Proxy::pod)
                .containsExactly(new PodRef("east", "shop", "db-0"), new PodRef("west", "shop", "db-0"));
        assertThat(proxies).extracting(p -> p.sync().istiod()).containsExactly("istiod-e", "istiod-w");
    }

    private static ProxySync sync(String clusterId, String istiod) {
        return new ProxySync("db-0.shop", clusterId, istiod, "1.27.3", List.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "egress label     | {'istio':'egressgateway'}                        | [{'name':'app'},{'name':'istio-proxy'}]           | GATEWAY",
            "managed label    | {'gateway.istio.io/managed':'istio.io-gateway-controller'} | [{'name':'x'},{'name':'istio-proxy'}] | GATEWAY",
            "router arg       | {}                                                | [{'name':'a'},{'name':'istio-proxy','args':['proxy','router']}] | GATEWAY",
            "only container   | {}                                                | [{'name':'istio-proxy'}]                          | GATEWAY",
            "sidecar arg      | {'istio':'sidecar'}                               | [{'name':'a'},{'name':'istio-proxy','args':['proxy','sidecar']}] | SIDECAR",
    })
    void tellsGatewaysFromSidecars(String name, String labels, String containers, ProxyKind kind) {
        String json = "{'metadata':{'name':'p','namespace':'ns','labels':" + labels + "},'spec':{'containers':"
                + containers + "}}";
        KubeObject pod = PodFixtures.pod(PodFixtures.parse(json.replace('\'', '"')));

        assertThat(ProxyInventory.build(List.of(pod), List.of())).singleElement()
                .extracting(Proxy::kind).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({
            "docker.io/istio/proxyv2:1.27.3, 1.27.3",
            "docker.io/istio/proxyv2:1.27.3@sha256:abcdef, 1.27.3",
            "registry.local:5000/istio/proxyv2, ''",
            "registry.local:5000/istio/proxyv2:1.26.0-distroless, 1.26.0-distroless",
            "proxyv2, ''",
            "'', ''",
    })
    void proxyVersionIsTheImageTag(String image, String tag) {
        assertThat(ProxyInventory.imageTag(image)).isEqualTo(tag);
    }
}
