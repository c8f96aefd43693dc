package dev.skopos.analysis.skopos;

import static dev.skopos.analysis.skopos.PodManifests.INIT_OK;
import static dev.skopos.analysis.skopos.PodManifests.NO_REWRITE;
import static dev.skopos.analysis.skopos.PodManifests.PROBE;
import static dev.skopos.analysis.skopos.PodManifests.STRICT;
import static dev.skopos.analysis.skopos.PodManifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppStartsBeforeProxyAnalyzerTest {
    private final AppStartsBeforeProxyAnalyzer analyzer = new AppStartsBeforeProxyAnalyzer();

    @Test
    void classicSidecarWithoutHold() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(pod("{}", "", INIT_OK, false)))).containsExactly(
                "SKP0011 Pod shop/web-1: Pod shop/web-1 may start its application before the proxy is ready (no"
                        + " holdApplicationUntilProxyStarts, istio-proxy is not a native sidecar): outbound calls at startup can fail");
    }

    @Test
    void nativeSidecarOrHoldIsFine() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(pod("{}", "", INIT_OK, true)))).isEmpty();
        String hold = "{proxy.istio.io/config: '{\"holdApplicationUntilProxyStarts\": true}'}";
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(pod(hold, "", INIT_OK, false)))).isEmpty();
        var meshWide = new dev.skopos.analysis.ResourceSnapshot(
                dev.skopos.analysis.ManifestLoader.parse(pod("{}", "", INIT_OK, false), "t.yaml"),
                MeshConfigs.parse("defaultConfig: {holdApplicationUntilProxyStarts: true}"), null);
        assertThat(Fixtures.lines(analyzer, meshWide)).isEmpty();
    }

    @Test
    void uninjectedPodIsNotJudged() {
        String plain = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: x}\nspec: {containers: [{name: a}]}\n";
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(plain))).isEmpty();
    }
}
