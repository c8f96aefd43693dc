package dev.skopos.analysis.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.AnalysisRun;
import dev.skopos.analysis.Diagnostic;
import dev.skopos.analysis.ManifestLoader;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import dev.skopos.analysis.Suppressions;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.demo.DemoSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour the conformance cases do not reach: the demo mesh, injection, webhooks, mesh networks. */
class WorkloadAnalyzersTest {

    private static List<String> run(Analyzer analyzer, ResourceSnapshot snapshot) {
        return AnalysisRun.run(snapshot, List.of(analyzer), Suppressions.NONE).stream()
                .map(d -> d.code() + " " + d.resource().display()).toList();
    }

    private static List<Diagnostic> diagnostics(Analyzer analyzer, String yaml) {
        return AnalysisRun.run(new ResourceSnapshot(ManifestLoader.parse(yaml, "test.yaml")), List.of(analyzer),
                Suppressions.NONE);
    }

    private static ResourceSnapshot demo() {
        DemoSource source = new DemoSource(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        List<Resource> resources = new ArrayList<>();
        for (ResourceKind kind : List.of(ResourceKind.NAMESPACE, ResourceKind.POD, ResourceKind.SERVICE,
                ResourceKind.DEPLOYMENT, ResourceKind.CONFIG_MAP)) {
            for (KubeObject o : source.objects().list(kind, Scope.ALL)) {
                Resource r = Resource.of(o.raw(), "");
                if (r != null) {
                    resources.add(r);
                }
            }
        }
        return new ResourceSnapshot(resources);
    }

    @Test
    void demoLegacyNamespaceIsNotInjected() {
        List<Diagnostic> found = AnalysisRun.run(demo(), List.of(new InjectionAnalyzer()), Suppressions.NONE);
        assertThat(found).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("IST0102");
            assertThat(d.resource().display()).isEqualTo("Namespace legacy");
            assertThat(d.message()).contains("kubectl label namespace legacy istio-injection=enabled");
        });
    }

    @Test
    void demoWeatherBackendPortNameIsOutsideTheConvention() {
        List<Diagnostic> found = AnalysisRun.run(demo(), List.of(new PortNameAnalyzer()), Suppressions.NONE);
        assertThat(found).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("IST0118");
            assertThat(d.level().name()).isEqualToIgnoringCase("info");
            assertThat(d.resource().display()).isEqualTo("Service weather/weather-backend");
            assertThat(d.message()).startsWith("Port name backend (port: 5000");
        });
    }

    @Test
    void podWithoutProxyInInjectedNamespaceAndConflictingLabels() {
        String yaml = """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop, labels: {istio-injection: enabled}}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: both, labels: {istio-injection: enabled, istio.io/rev: canary}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: cart, namespace: shop}
                spec: {containers: [{name: app, image: cart:1}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: opted-out, namespace: shop, labels: {sidecar.istio.io/inject: "false"}}
                spec: {containers: [{name: app, image: cart:1}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: native, namespace: shop}
                spec:
                  containers: [{name: app, image: cart:1}]
                  initContainers: [{name: istio-proxy, image: proxyv2:1.24}]
                """;
        List<String> found = diagnostics(new InjectionAnalyzer(), yaml).stream()
                .map(d -> d.code() + " " + d.resource().display() + " " + d.message()).toList();
        assertThat(found).hasSize(2);
        assertThat(found).anyMatch(s -> s.startsWith("IST0103 Pod shop/cart The pod shop/cart is missing"));
        assertThat(found).anyMatch(s -> s.startsWith("IST0123 Namespace both")
                && s.contains("[istio-injection=enabled istio.io/rev=canary]"));
    }

    @Test
    void overlappingWebhooksAndMissingInjectorService() {
        String yaml = """
                apiVersion: admissionregistration.k8s.io/v1
                kind: MutatingWebhookConfiguration
                metadata: {name: istio-sidecar-injector}
                webhooks:
                - name: sidecar-injector.istio.io
                  clientConfig: {service: {name: istiod, namespace: istio-system}}
                  namespaceSelector: {matchLabels: {istio-injection: enabled}}
                ---
                apiVersion: admissionregistration.k8s.io/v1
                kind: MutatingWebhookConfiguration
                metadata: {name: istio-sidecar-injector-copy}
                webhooks:
                - name: sidecar-injector.istio.io
                  clientConfig: {url: "https://example.com/inject"}
                  namespaceSelector:
                    matchExpressions: [{key: istio-injection, operator: In, values: [enabled]}]
                """;
        List<Diagnostic> found = diagnostics(new WebhookAnalyzer(), yaml);
        assertThat(found).extracting(Diagnostic::code).containsOnly("IST0139");
        assertThat(found).extracting(Diagnostic::message).contains(
                "Webhook overlaps with others: [istio-sidecar-injector-copy/sidecar-injector.istio.io]. "
                        + "This may cause injection to occur twice.",
                "Injector refers to a control plane service that does not exist: istio-system/istiod.");
    }

    @Test
    void meshNetworksWithUnknownRegistry() throws Exception {
        var networks = new ObjectMapper().readTree("""
                {"networks": {"net1": {"endpoints": [{"fromRegistry": "Kubernetes"}, {"fromRegistry": "cluster-9"}]},
                              "net2": {"endpoints": [{"fromRegistry": "remote-a"}]}}}""");
        List<Resource> objects = ManifestLoader.parse("""
                apiVersion: v1
                kind: Secret
                metadata: {name: istio-remote-secret-a, namespace: istio-system, labels: {istio/multiCluster: "true"}}
                data: {remote-a: e30=}
                """, "secret.yaml");
        List<Diagnostic> found = AnalysisRun.run(new ResourceSnapshot(objects, null, networks),
                List.of(new MeshNetworksAnalyzer()), Suppressions.NONE);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("IST0126");
            assertThat(d.message()).isEqualTo("Unknown service registry cluster-9 in network net1");
            assertThat(d.resource().display()).isEqualTo("MeshNetworks istio-system/meshnetworks");
        });
    }

    @Test
    void invalidAnnotationValuesUseTheInjectorsWording() {
        assertThat(AnnotationValues.problem("readiness.status.sidecar.istio.io/initialDelaySeconds", "bar"))
                .contains("strconv.ParseUint: parsing \"bar\": invalid syntax");
        assertThat(AnnotationValues.problem("traffic.sidecar.istio.io/includeOutboundIPRanges", "*")).isEmpty();
        assertThat(AnnotationValues.problem("traffic.sidecar.istio.io/excludeOutboundIPRanges", "10.0.0.0/8,bad"))
                .hasValueSatisfying(p -> assertThat(p).startsWith("excludeIPRanges invalid: failed parsing cidr 'bad'"));
        assertThat(AnnotationValues.problem("sidecar.istio.io/interceptionMode", "TPROXY")).isEmpty();
        assertThat(AnnotationValues.problem("traffic.sidecar.istio.io/excludeInboundPorts", "15020,x")).isPresent();
    }

    @Test
    void removedRbacCrdIsDeprecated() {
        String yaml = """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: serviceroles.rbac.istio.io}
                spec: {group: rbac.istio.io, names: {kind: ServiceRole}}
                """;
        assertThat(diagnostics(new DeprecationAnalyzer(), yaml)).extracting(Diagnostic::message)
                .containsExactly("Deprecated: Custom resource type rbac.istio.io ServiceRole is removed");
    }

    @Test
    void crdVersionsCompareWithoutPrerelease() {
        assertThat(CrdVersionAnalyzer.parse("v1.5.0-rc.1").compareTo(CrdVersionAnalyzer.parse("1.5.0"))).isZero();
        assertThat(CrdVersionAnalyzer.parse("v1.4.1").toString()).isEqualTo("1.4.1");
        assertThat(CrdVersionAnalyzer.parse("latest")).isNull();
    }

    @Test
    void singleClusterSnapshotsHaveNoMultiClusterFindings() {
        String yaml = """
                apiVersion: v1
                kind: Service
                metadata: {name: a, namespace: x}
                spec: {ports: [{name: http, port: 80}]}
                """;
        assertThat(run(new MultiClusterServiceAnalyzer(), new ResourceSnapshot(ManifestLoader.parse(yaml, "a.yaml"))))
                .isEmpty();
    }
}
