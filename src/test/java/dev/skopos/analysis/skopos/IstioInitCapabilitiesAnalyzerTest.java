package dev.skopos.analysis.skopos;

import static dev.skopos.analysis.skopos.PodManifests.INIT_OK;
import static dev.skopos.analysis.skopos.PodManifests.NO_REWRITE;
import static dev.skopos.analysis.skopos.PodManifests.PROBE;
import static dev.skopos.analysis.skopos.PodManifests.STRICT;
import static dev.skopos.analysis.skopos.PodManifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IstioInitCapabilitiesAnalyzerTest {
    private final IstioInitCapabilitiesAnalyzer analyzer = new IstioInitCapabilitiesAnalyzer();

    @Test
    void missingNetAdmin() {
        String init = "{name: istio-init, securityContext: {capabilities: {add: [NET_RAW], drop: [ALL]}}}";
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(pod("{}", "", init, false)))).containsExactly(
                "SKP0014 Pod shop/web-1: Pod shop/web-1 runs istio-init without capability NET_ADMIN (the Istio CNI"
                        + " plugin is not in use): iptables redirection cannot be set up");
    }

    @Test
    void capabilitiesPrivilegedOrCniAreFine() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(pod("{}", "", INIT_OK, false)))).isEmpty();
        String privileged = "{name: istio-init, securityContext: {privileged: true}}";
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(pod("{}", "", privileged, false)))).isEmpty();
        String cni = "{name: istio-validation, securityContext: {capabilities: {drop: [ALL]}}}";
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(pod("{}", "", cni, false)))).isEmpty();
    }

    @Test
    void demoPodsHaveTheirCapabilities() {
        assertThat(Fixtures.lines(analyzer, Fixtures.demo())).isEmpty();
    }
}
