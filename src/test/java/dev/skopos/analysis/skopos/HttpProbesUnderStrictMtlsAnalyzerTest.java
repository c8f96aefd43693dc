package dev.skopos.analysis.skopos;

import static dev.skopos.analysis.skopos.PodManifests.INIT_OK;
import static dev.skopos.analysis.skopos.PodManifests.NO_REWRITE;
import static dev.skopos.analysis.skopos.PodManifests.PROBE;
import static dev.skopos.analysis.skopos.PodManifests.STRICT;
import static dev.skopos.analysis.skopos.PodManifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpProbesUnderStrictMtlsAnalyzerTest {
    private final HttpProbesUnderStrictMtlsAnalyzer analyzer = new HttpProbesUnderStrictMtlsAnalyzer();

    @Test
    void plaintextProbeAgainstStrict() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(STRICT + pod(NO_REWRITE, PROBE, INIT_OK, false))))
                .containsExactly("SKP0010 Pod shop/web-1: Pod shop/web-1 has HTTP readiness probes on container web while"
                        + " STRICT mTLS applies (PeerAuthentication istio-system/default) and probe rewriting is off:"
                        + " the kubelet's plaintext probes are rejected");
    }

    @Test
    void rewriteOnOrPermissiveIsFine() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(STRICT + pod("{}", PROBE, INIT_OK, false)))).isEmpty();
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(STRICT.replace("STRICT", "PERMISSIVE")
                + pod(NO_REWRITE, PROBE, INIT_OK, false)))).isEmpty();
    }

    @Test
    void portLevelPermissiveForTheProbePortIsFine() {
        String exempt = """
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: web, namespace: shop}
                spec: {selector: {matchLabels: {app: web}}, portLevelMtls: {8080: {mode: PERMISSIVE}}}
                ---
                """;
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(STRICT + exempt + pod(NO_REWRITE, PROBE, INIT_OK, false))))
                .isEmpty();
    }

    @Test
    void demoHasNone() {
        assertThat(Fixtures.lines(analyzer, Fixtures.demo())).isEmpty();
    }
}
