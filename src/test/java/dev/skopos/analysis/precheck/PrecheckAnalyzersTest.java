package dev.skopos.analysis.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.AnalysisRun;
import dev.skopos.analysis.Analyzers;
import dev.skopos.analysis.ClusterFacts;
import dev.skopos.analysis.ClusterFacts.MissingPermission;
import dev.skopos.analysis.ManifestLoader;
import dev.skopos.analysis.ResourceSnapshot;
import dev.skopos.analysis.Suppressions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The precheck checks, positive and negative, with the messages istioctl prints. */
class PrecheckAnalyzersTest {

    /** {@code code (resource) message}, resource "-" for findings about the cluster. */
    private static List<String> run(Analyzer analyzer, ResourceSnapshot snapshot) {
        return AnalysisRun.run(snapshot, List.of(analyzer), Suppressions.NONE).stream()
                .map(d -> d.code() + " (" + (d.resource() == null ? "-" : d.resource().display()) + ") " + d.message())
                .toList();
    }

    private static ResourceSnapshot snapshot(String yaml) {
        return new ResourceSnapshot(ManifestLoader.parse(yaml, "test.yaml"));
    }

    private static String crd(String plural, String kind, String group, String versions) {
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: %s.%s, annotations: {gateway.networking.k8s.io/bundle-version: v1.3.0}}
                spec:
                  group: %s
                  names: {kind: %s, plural: %s}
                  versions: %s
                ---
                """.formatted(plural, group, group, kind, plural, versions);
    }

    @Test
    void gatewayCrdServingOnlyAlphaIsUnsupportedAndFutureUnsupported() {
        String yaml = crd("gateways", "Gateway", "gateway.networking.k8s.io",
                "[{name: v1alpha2, served: true}, {name: v1beta1, served: false, storage: true}]");
        assertThat(run(new GatewayApiVersionAnalyzer(), snapshot(yaml))).containsExactly(
                "IST0156 (CustomResourceDefinition gateways.gateway.networking.k8s.io) "
                        + "The Gateway API CRD version v1alpha2 is lower than the minimum version: v1beta1",
                "IST0172 (CustomResourceDefinition gateways.gateway.networking.k8s.io) "
                        + "The Gateway API CRD version v1alpha2 is lower than the minimum version: v1");
    }

    @Test
    void betaOnlyCrdsAreOnlyFutureUnsupportedAndVersionsListSorted() {
        String yaml = crd("httproutes", "HTTPRoute", "gateway.networking.k8s.io",
                "[{name: v1beta1, served: true}, {name: v1alpha2, served: true}]")
                + crd("grpcroutes", "GRPCRoute", "gateway.networking.k8s.io", "[]");
        assertThat(run(new GatewayApiVersionAnalyzer(), snapshot(yaml))).containsExactly(
                "IST0172 (CustomResourceDefinition grpcroutes.gateway.networking.k8s.io) "
                        + "The Gateway API CRD version none is lower than the minimum version: v1",
                "IST0172 (CustomResourceDefinition httproutes.gateway.networking.k8s.io) "
                        + "The Gateway API CRD version v1alpha2,v1beta1 is lower than the minimum version: v1");
    }

    @Test
    void currentGatewayCrdsOtherKindsAndOtherGroupsAreFine() {
        String yaml = crd("gateways", "Gateway", "gateway.networking.k8s.io",
                "[{name: v1, served: true}, {name: v1beta1, served: true}]")
                // TLSRoute is in neither list: its alpha-only CRD is not precheck's concern.
                + crd("tlsroutes", "TLSRoute", "gateway.networking.k8s.io", "[{name: v1alpha2, served: true}]")
                + crd("gateways", "Gateway", "example.com", "[{name: v1alpha1, served: true}]");
        assertThat(run(new GatewayApiVersionAnalyzer(), snapshot(yaml))).isEmpty();
    }

    @Test
    void kubernetesBelowMinimumIsReportedAboutTheCluster() {
        ResourceSnapshot old = snapshot("").withClusterFacts(ClusterFacts.ofVersion("v1.28.3-gke.1286000"));
        assertThat(run(new KubernetesVersionAnalyzer(), old)).containsExactly(
                "IST0142 (-) The Kubernetes Version \"v1.28.3-gke.1286000\" is lower than the minimum version: 1.29");
    }

    @Test
    void kubernetesAtOrAboveMinimumOrUnknownSaysNothing() {
        KubernetesVersionAnalyzer analyzer = new KubernetesVersionAnalyzer();
        assertThat(run(analyzer, snapshot("").withClusterFacts(ClusterFacts.ofVersion("v1.29.0")))).isEmpty();
        assertThat(run(analyzer, snapshot("").withClusterFacts(ClusterFacts.ofVersion("v1.33.1+k3s1")))).isEmpty();
        assertThat(run(analyzer, snapshot("").withClusterFacts(ClusterFacts.ofVersion("not-a-version")))).isEmpty();
        assertThat(run(analyzer, snapshot("").withClusterFacts(ClusterFacts.ofVersion(null)))).isEmpty();
        assertThat(run(analyzer, snapshot(""))).isEmpty();
        assertThat(KubernetesVersionAnalyzer.minor("v1")).hasValue(0);
    }

    @Test
    void eachMissingPermissionIsAnError() {
        ResourceSnapshot facts = snapshot("").withClusterFacts(new ClusterFacts("v1.30.0", List.of(
                new MissingPermission("clusterroles", "permission denied"),
                new MissingPermission("namespaces", "RBAC: user cannot create namespaces"))));
        assertThat(run(new InstallPermissionsAnalyzer(), facts)).containsExactly(
                "IST0141 (-) Missing required permission to create resource clusterroles (permission denied)",
                "IST0141 (-) Missing required permission to create resource namespaces "
                        + "(RBAC: user cannot create namespaces)");
    }

    @Test
    void noFactsOrNoDenialsSayNothing() {
        assertThat(run(new InstallPermissionsAnalyzer(), snapshot(""))).isEmpty();
        assertThat(run(new InstallPermissionsAnalyzer(),
                snapshot("").withClusterFacts(ClusterFacts.ofVersion("v1.30.0")))).isEmpty();
    }

    @Test
    void withClusterFactsKeepsTheObjectsAndLeavesTheOriginalAlone() {
        ResourceSnapshot plain = snapshot("apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: x}\n");
        ResourceSnapshot withFacts = plain.withClusterFacts(ClusterFacts.ofVersion("v1.30.0"));
        assertThat(withFacts.all()).isEqualTo(plain.all());
        assertThat(withFacts.find("", "Service", "x", "a")).isPresent();
        assertThat(plain.clusterFacts()).isEmpty();
        assertThat(withFacts.clusterFacts()).hasValueSatisfying(f -> assertThat(f.kubernetesVersion()).isEqualTo("v1.30.0"));
    }

    @Test
    void allAreRegistered() {
        assertThat(Analyzers.byName("precheck.GatewayAPIVersionAnalyzer")).isPresent();
        assertThat(Analyzers.byName("precheck.KubernetesVersionAnalyzer")).isPresent();
        assertThat(Analyzers.byName("precheck.InstallPermissionsAnalyzer")).isPresent();
        assertThat(Analyzers.byName("precheck.UpgradeCompatibilityAnalyzer")).isPresent();
    }
}
