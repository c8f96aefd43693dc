package dev.skopos.source.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class DemoScenarioTest {

    private final DemoSource demo = DemoFixture.source();

    @Test
    void infoSaysDemo() {
        SourceInfo info = demo.info();
        assertThat(info.kind()).isEqualTo(SourceInfo.Kind.DEMO);
        assertThat(info.contexts()).containsExactly("demo");
        assertThat(info.istioVersions()).containsExactly("1.27.3");
    }

    @Test
    void atLeastThreeApplicationNamespacesOneNotInjectedWithAPlainPod() {
        List<KubeObject> namespaces = demo.objects().list(ResourceKind.NAMESPACE, Scope.ALL);
        assertThat(namespaces).extracting(KubeObject::name).contains("weather", "bookinfo", "payments", "legacy", "istio-system");
        KubeObject legacy = namespaces.stream().filter(n -> n.name().equals("legacy")).findFirst().orElseThrow();
        assertThat(legacy.labels()).doesNotContainKeys("istio-injection", "istio.io/rev");
        List<KubeObject> pods = demo.objects().list(ResourceKind.POD, Scope.of("legacy"));
        assertThat(pods).isNotEmpty();
        assertThat(pods.get(0).raw().path("spec").toString()).doesNotContain("istio-proxy");
    }

    @Test
    void listsAreSortedAndScoped() {
        List<KubeObject> pods = demo.objects().list(ResourceKind.POD, Scope.ALL);
        assertThat(pods).isSortedAccordingTo(Comparator.comparing(KubeObject::namespace).thenComparing(KubeObject::name));
        assertThat(demo.objects().list(ResourceKind.POD, Scope.of("bookinfo"))).allMatch(p -> p.namespace().equals("bookinfo"));
        assertThat(demo.objects().servedKinds()).isEqualTo(ResourceKind.ALL);
        assertThat(demo.objects().list(ResourceKind.DESTINATION_RULE, Scope.ALL))
                .allMatch(o -> o.raw().path("apiVersion").asText().equals("networking.istio.io/v1"));
    }

    @Test
    void atLeastTwelveProxiesIncludingAGatewayWithOnlyTheProxyContainer() {
        List<KubeObject> proxies = demo.objects().list(ResourceKind.POD, Scope.ALL).stream()
                .filter(p -> p.raw().path("spec").toString().contains("\"name\":\"istio-proxy\"")).toList();
        assertThat(proxies).hasSizeGreaterThanOrEqualTo(12);
        KubeObject gateway = proxies.stream().filter(p -> p.name().startsWith("istio-ingressgateway")).findFirst().orElseThrow();
        assertThat(gateway.raw().path("spec").path("containers")).hasSize(1);
        assertThat(gateway.raw().path("spec").path("containers").get(0).path("name").asText()).isEqualTo("istio-proxy");
    }

    @Test
    void istiodHasTwoReplicas() {
        assertThat(demo.istiod().instances()).extracting(i -> i.name())
                .containsExactly("istiod-7f9c6b8d5-kx2vq", "istiod-7f9c6b8d5-p8mzt");
    }

    @Test
    void nativeSidecarPodHasIstioProxyAsRestartableInitContainer() {
        JsonNode pod = pod("bookinfo", "reviews-v2-6c9d8b7f5-h2lqw");
        JsonNode proxy = StreamSupport.stream(pod.path("spec").path("initContainers").spliterator(), false)
                .filter(c -> c.path("name").asText().equals("istio-proxy")).findFirst().orElseThrow();
        assertThat(proxy.path("restartPolicy").asText()).isEqualTo("Always");
        assertThat(pod.path("spec").path("containers").toString()).doesNotContain("istio-proxy");
        assertThat(pod.path("status").path("initContainerStatuses").toString()).contains("\"name\":\"istio-proxy\"");
    }

    @Test
    void somePodsRestartOrCrashLoop() {
        JsonNode respy = pod("weather", "respy-5f8d7c6b9-vb7tn");
        assertThat(respy.path("status").path("containerStatuses").toString()).contains("CrashLoopBackOff");
        JsonNode ratings = pod("bookinfo", "ratings-v1-7b6d9f8c4-zr5nk");
        assertThat(ratings.path("status").path("containerStatuses").findValues("restartCount"))
                .anyMatch(n -> n.asInt() == 3);
    }

    @Test
    void weatherBackendPortIsNamedBackend() {
        KubeObject svc = demo.objects().list(ResourceKind.SERVICE, Scope.of("weather")).stream()
                .filter(s -> s.name().equals("weather-backend")).findFirst().orElseThrow();
        assertThat(svc.raw().path("spec").path("ports").get(0).path("name").asText()).isEqualTo("backend");
        assertThat(svc.raw().path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(5000);
    }

    @Test
    void metricsWithoutScrapeAnnotationsOnOneTemplateAndWithThemOnAnother() {
        List<KubeObject> deployments = demo.objects().list(ResourceKind.DEPLOYMENT, Scope.ALL);
        JsonNode single = deployments.stream().filter(d -> d.name().equals("weather-backend-single")).findFirst().orElseThrow().raw();
        assertThat(single.path("spec").path("template").toString()).contains("http-metrics");
        assertThat(single.path("spec").path("template").path("metadata").path("annotations").has("prometheus.io/scrape")).isFalse();
        JsonNode api = deployments.stream().filter(d -> d.name().equals("payments-api")).findFirst().orElseThrow().raw();
        assertThat(api.path("spec").path("template").path("metadata").path("annotations").path("prometheus.io/port").asText())
                .isEqualTo("9090");
    }

    @Test
    void virtualServiceReferencesAGatewayThatDoesNotExist() {
        List<String> gateways = demo.objects().list(ResourceKind.GATEWAY, Scope.ALL).stream().map(KubeObject::name).toList();
        assertThat(gateways).contains("bookinfo-gateway").doesNotContain("bookinfos-gateway");
        assertThat(demo.objects().list(ResourceKind.VIRTUAL_SERVICE, Scope.ALL))
                .anyMatch(vs -> vs.raw().path("spec").path("gateways").toString().contains("\"bookinfos-gateway\""));
    }

    @Test
    void twoDestinationRulesForReviews() {
        assertThat(demo.objects().list(ResourceKind.DESTINATION_RULE, Scope.of("bookinfo")))
                .extracting(KubeObject::name).contains("reviews", "reviews-legacy");
    }

    private JsonNode pod(String ns, String name) {
        return demo.objects().list(ResourceKind.POD, Scope.of(ns)).stream().filter(p -> p.name().equals(name))
                .findFirst().orElseThrow().raw();
    }
}
