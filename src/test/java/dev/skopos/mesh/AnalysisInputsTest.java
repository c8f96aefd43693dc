package dev.skopos.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skopos.analysis.ManifestLoader;
import dev.skopos.analysis.Resource;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisInputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static KubeObject object(ResourceKind kind, String namespace, String name, String json) throws Exception {
        return new KubeObject(kind, namespace, name, null, null, null, JSON.readTree(json));
    }

    @Test
    void clusterObjectsGetTheirKindBackAndIgnoredNamespacesAndSecretsAreDropped() throws Exception {
        List<Resource> r = AnalysisInputs.resources(List.of(
                object(ResourceKind.POD, "shop", "web", "{\"metadata\":{\"name\":\"web\",\"namespace\":\"shop\"}}"),
                object(ResourceKind.POD, "kube-system", "dns", "{\"metadata\":{\"name\":\"dns\",\"namespace\":\"kube-system\"}}"),
                object(ResourceKind.NAMESPACE, "", "kube-public", "{\"metadata\":{\"name\":\"kube-public\"}}"),
                object(ResourceKind.SECRET, "shop", "tok", "{\"type\":\"kubernetes.io/service-account-token\","
                        + "\"metadata\":{\"name\":\"tok\",\"namespace\":\"shop\"}}"),
                object(ResourceKind.CONFIG_MAP, "shop", "istio", "{\"metadata\":{\"name\":\"istio\",\"namespace\":\"shop\"}}")));

        assertThat(r).singleElement().satisfies(p -> {
            assertThat(p.display()).isEqualTo("Pod shop/web");
            assertThat(p.origin()).isEmpty();
        });
    }

    @Test
    void filesOverrideTheClusterAndTakeTheSelectedNamespaceWhenTheyHaveNone() {
        List<Resource> cluster = ManifestLoader.parse("kind: Service\napiVersion: v1\nmetadata: {name: a, namespace: shop}\n"
                + "---\nkind: Service\napiVersion: v1\nmetadata: {name: b, namespace: shop}\n", "cluster");
        List<Resource> files = AnalysisInputs.fromFiles(ManifestLoader.parse(
                "kind: Service\napiVersion: v1\nmetadata: {name: b}\nspec: {type: NodePort}\n", "f.yaml"), "shop");

        List<Resource> all = AnalysisInputs.overlay(cluster, files);

        assertThat(all).extracting(Resource::name).containsExactly("a", "b");
        assertThat(all.get(1).origin()).isEqualTo("f.yaml:1");
        assertThat(all.get(1).namespace()).isEqualTo("shop");
    }

    @Test
    void defaultResourcesFollowTheMeshConfig() throws Exception {
        assertThat(AnalysisInputs.defaultResources(null)).extracting(Resource::display)
                .containsExactly("Pod istio-system/istio-ingressgateway-dummypod", "Service istio-system/istio-ingressgateway");
        assertThat(AnalysisInputs.defaultResources(null).get(0).origin()).isEqualTo("internal-ingress:2");
        assertThat(AnalysisInputs.defaultResources(JSON.readTree("{\"ingressService\":\"edge\"}")))
                .extracting(Resource::name).containsExactly("edge-dummypod", "edge");
        assertThat(AnalysisInputs.defaultResources(JSON.readTree("{\"ingressControllerMode\":\"OFF\"}"))).isEmpty();
    }

    @Test
    void meshConfigComesFromTheIstioConfigMap() throws Exception {
        KubeObject cm = object(ResourceKind.CONFIG_MAP, "istio-system", "istio",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"istio\",\"namespace\":\"istio-system\"},"
                        + "\"data\":{\"mesh\":\"rootNamespace: mesh-root\\n\",\"meshNetworks\":\"networks: {}\"}}");
        var objects = new dev.skopos.source.ClusterObjects() {
            public List<KubeObject> list(ResourceKind kind, dev.skopos.source.Scope scope) {
                return kind.sameKind(ResourceKind.CONFIG_MAP) ? List.of(cm) : List.of();
            }

            public List<ResourceKind> servedKinds() {
                return ResourceKind.ALL;
            }

            public dev.skopos.source.Subscription onChange(Runnable listener) {
                return () -> { };
            }
        };

        AnalysisInputs.ClusterView view = AnalysisInputs.fromCluster(objects);

        assertThat(view.meshConfig().path("rootNamespace").asText()).isEqualTo("mesh-root");
        assertThat(view.meshNetworks().has("networks")).isTrue();
        assertThat(view.resources()).extracting(Resource::display).containsExactly("ConfigMap istio-system/istio");
    }
}
