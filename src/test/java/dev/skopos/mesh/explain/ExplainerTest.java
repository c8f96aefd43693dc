package dev.skopos.mesh.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.analysis.Catalog;
import dev.skopos.analysis.Diagnostic;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import dev.skopos.envoy.config.ConfigDumpParser;
import dev.skopos.envoy.config.ParseOptions;
import dev.skopos.mesh.Proxy;
import dev.skopos.mesh.ProxyFeed;
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

/** The demo's incidents, explained from what the demo's Envoys hold. */
class ExplainerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private final DemoSource demo = new DemoSource(CLOCK);
    private final ResourceSnapshot snapshot = snapshot();
    private final List<Proxy> proxies = new ProxyFeed(demo, Runnable::run).load(Scope.ALL).join().proxies();
    private final Explainer explainer = new Explainer(snapshot, proxies, pod -> demo.envoy().configDump(pod, true)
            .thenApply(body -> ConfigDumpParser.parse(body, ParseOptions.FULL)));

    private ResourceSnapshot snapshot() {
        List<Resource> resources = new ArrayList<>();
        for (ResourceKind kind : demo.objects().servedKinds()) {
            for (KubeObject o : demo.objects().list(kind, Scope.ALL)) {
                resources.add(Resource.of(o.raw(), ""));
            }
        }
        return new ResourceSnapshot(resources);
    }

    private Explanation explain(String group, String kind, String namespace, String name) {
        Resource r = snapshot.find(group, kind, namespace, name).orElseThrow();
        return explainer.explain(new Diagnostic(Catalog.type("InternalError"), r, List.of("x"))).join();
    }

    @Test
    void ninetyTenGivesFiftyFiftyBecauseThePortIsTcp() {
        Explanation e = explain("networking.istio.io", "VirtualService", "weather", "weather-backend");
        assertThat(e.conclusion()).contains("TCP proxy").contains("never apply").contains("weather-backend.weather.svc.cluster.local:5000");
        assertThat(e.evidence()).anySatisfy(ev -> {
            assertThat(ev.path()).startsWith("listeners[10.96.14.9_5000]");
            assertThat(ev.value()).isEqualTo("tcp_proxy → outbound|5000||weather-backend.weather.svc.cluster.local");
            assertThat(ev.supports()).isTrue();
        });
        assertThat(e.evidence()).anySatisfy(ev -> assertThat(ev.value()).contains("name: backend").contains("→ TCP"));
        assertThat(e.evidence()).noneSatisfy(ev -> assertThat(ev.path()).contains("weighted_clusters"));
    }

    @Test
    void theLosingDestinationRuleIsNamedByTheWinnersMetadata() {
        Explanation e = explain("networking.istio.io", "DestinationRule", "bookinfo", "reviews-legacy");
        assertThat(e.conclusion()).contains("Envoy applied DestinationRule bookinfo/reviews, not bookinfo/reviews-legacy");
        assertThat(e.evidence()).anySatisfy(ev -> assertThat(ev.path())
                .isEqualTo("clusters[outbound|9080||reviews.bookinfo.svc.cluster.local].metadata.filter_metadata.istio.config"));
    }

    @Test
    void tlsDisabledAgainstStrictMtlsIsProvedOnBothSides() {
        Explanation e = explain("networking.istio.io", "DestinationRule", "payments", "payments-api");
        assertThat(e.conclusion()).contains("plaintext").contains("only accepts mTLS").contains("503");
        assertThat(e.evidence()).anySatisfy(ev -> assertThat(ev.value()).startsWith("absent: plaintext"));
        assertThat(e.evidence()).anySatisfy(ev -> assertThat(ev.value()).contains("mTLS required (STRICT)"));
    }

    @Test
    void aSubsetWithoutPodsShowsZeroEndpointsInEnvoy() {
        Explanation e = explain("networking.istio.io", "DestinationRule", "bookinfo", "reviews");
        assertThat(e.conclusion()).contains("outbound|9080|v3|reviews.bookinfo.svc.cluster.local has no endpoints");
        assertThat(e.evidence()).anySatisfy(ev -> {
            assertThat(ev.path()).isEqualTo("endpoints[outbound|9080|v3|reviews.bookinfo.svc.cluster.local]");
            assertThat(ev.value()).startsWith("0 endpoint(s)");
        });
    }

    @Test
    void aVirtualServiceOnAMissingGatewayIsServedByNoGatewayProxy() {
        Explanation e = explain("networking.istio.io", "VirtualService", "bookinfo", "bookinfo");
        assertThat(e.conclusion()).contains("no gateway proxy serves bookinfo.example.com").contains("bookinfos-gateway")
                .contains("404");
        Explanation fine = explain("networking.istio.io", "VirtualService", "weather", "weather-frontend");
        assertThat(fine.conclusion()).contains("the gateway proxies serve weather.example.com");
    }

    @Test
    void aRejectingProxyIsExplainedFromItsIstiodsReport() {
        Explanation e = explain("", "Pod", "bookinfo", "ratings-v1-7b6d9f8c4-zr5nk");
        assertThat(e.conclusion()).contains("LDS ERROR");
        assertThat(e.evidence()).anySatisfy(ev -> assertThat(ev.value()).contains("script load error"));
    }

    @Test
    void serviceFindingsAreExplainedThroughTheVirtualServiceThatRoutesToThem() {
        Explanation e = explain("", "Service", "weather", "weather-backend");
        assertThat(e.conclusion()).contains("TCP proxy");
        Explanation none = explain("", "Service", "bookinfo", "details");
        assertThat(none.evidence()).isEmpty();
    }
}
