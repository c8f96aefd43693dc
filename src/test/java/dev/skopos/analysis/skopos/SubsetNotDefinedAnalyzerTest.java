package dev.skopos.analysis.skopos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubsetNotDefinedAnalyzerTest {

    static final String RULES = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews, namespace: bi}
            spec: {host: reviews, subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews-tls, namespace: bi}
            spec: {host: reviews.bi.svc.cluster.local, trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}}
            ---
            """;

    private final SubsetNotDefinedAnalyzer analyzer = new SubsetNotDefinedAnalyzer();

    static String vs(String subset) {
        return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: reviews, namespace: bi}\n"
                + "spec: {hosts: [reviews], http: [{route: [{destination: {host: reviews, subset: " + subset + "}}]}]}\n";
    }

    @Test
    void missingSubsetListsTheRulesThatExist() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(RULES + vs("v3")))).containsExactly(
                "SKP0006 VirtualService bi/reviews: VirtualService bi/reviews routes to subset \"v3\" of host reviews.bi,"
                        + " which no DestinationRule for that host defines (bi/reviews has v1, v2; bi/reviews-tls has no subsets):"
                        + " requests get 503 NR/NC");
    }

    @Test
    void definedSubsetIsFine() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(RULES + vs("v2")))).isEmpty();
    }

    @Test
    void noRuleAtAll() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(vs("v1")))).singleElement()
                .satisfies(l -> assertThat(l).contains("(there is none)"));
    }

    @Test
    void demoSubsetsAllDefined() {
        assertThat(Fixtures.lines(analyzer, Fixtures.demo())).isEmpty();
    }
}
