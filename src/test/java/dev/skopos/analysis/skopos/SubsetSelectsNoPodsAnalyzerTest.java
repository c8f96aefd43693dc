package dev.skopos.analysis.skopos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubsetSelectsNoPodsAnalyzerTest {

    private final SubsetSelectsNoPodsAnalyzer analyzer = new SubsetSelectsNoPodsAnalyzer();

    static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: rv, namespace: n}
            spec: {selector: {app: rv}, ports: [{name: http, port: 80}]}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: rv, namespace: n}
            spec: {host: rv, subsets: [{name: v1, labels: {version: v1}}, {name: v3, labels: {version: v3}}]}
            ---
            """;
    static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: rv-1, namespace: n, labels: {app: rv, version: v1}}\n"
            + "spec: {containers: [{name: rv}]}\n";

    @Test
    void subsetWithoutPods() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(SERVICE + POD))).containsExactly(
                "SKP0016 DestinationRule n/rv: Subset \"v3\" of DestinationRule n/rv selects no pod of rv.n (labels"
                        + " version=v3): requests routed to it get 503 UH");
    }

    @Test
    void withoutPodsInTheSnapshotNothingIsJudged() {
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(SERVICE))).isEmpty();
    }

    @Test
    void demoReviewsV3OnlyNotTheMergedAwayLegacySubsets() {
        assertThat(Fixtures.lines(analyzer, Fixtures.demo())).singleElement()
                .satisfies(l -> assertThat(l).startsWith("SKP0016 DestinationRule bookinfo/reviews: Subset \"v3\""));
    }
}
