package dev.skopos.mesh.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.analysis.ManifestLoader;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeEvidenceTest {

    private static final String YAML = """
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata: {name: default, namespace: shop}
            spec:
              egress:
              - hosts: ["./*", "istio-system/*"]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: backend, namespace: weather}
            spec:
              hosts: [weather-backend]
              exportTo: ["."]
              http:
              - route:
                - destination: {host: weather-backend, subset: single}
                  weight: 90
                - destination: {host: weather-backend, subset: multiple}
                  weight: 10
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: weather-backend, namespace: weather}
            spec: {ports: [{name: http, port: 5000}]}
            """;

    @Test
    void aSidecarAndExportToKeepTheHostAwayFromTheClient() {
        ResourceSnapshot s = new ResourceSnapshot(ManifestLoader.parse(YAML, "t.yaml"));
        Resource vs = s.find("networking.istio.io", "VirtualService", "weather", "backend").orElseThrow();
        Resource svc = s.find("", "Service", "weather", "weather-backend").orElseThrow();
        List<Evidence> e = ScopeEvidence.of(s, "shop", vs, svc, "weather-backend.weather.svc.cluster.local");
        assertThat(e).anySatisfy(ev -> {
            assertThat(ev.source()).isEqualTo("Sidecar shop/default");
            assertThat(ev.value()).contains("does not admit weather/");
            assertThat(ev.supports()).isTrue();
        });
        assertThat(e).anySatisfy(ev -> {
            assertThat(ev.source()).isEqualTo("VirtualService weather/backend");
            assertThat(ev.value()).contains("not visible in shop");
        });
        assertThat(ScopeEvidence.of(s, "weather", vs, svc, "weather-backend.weather.svc.cluster.local"))
                .noneSatisfy(ev -> assertThat(ev.supports()).isTrue());
    }

    @Test
    void egressHostsFollowIstiosNamespaceSlashHostForm() {
        assertThat(ScopeEvidence.admits("*/*", "a", "b", "x.b.svc.cluster.local")).isTrue();
        assertThat(ScopeEvidence.admits("./*", "a", "b", "x.b.svc.cluster.local")).isFalse();
        assertThat(ScopeEvidence.admits("b/*.b.svc.cluster.local", "a", "b", "x.b.svc.cluster.local")).isTrue();
        assertThat(ScopeEvidence.admits("b/y.b.svc.cluster.local", "a", "b", "x.b.svc.cluster.local")).isFalse();
    }
}
