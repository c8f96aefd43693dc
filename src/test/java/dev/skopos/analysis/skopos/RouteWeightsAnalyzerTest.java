package dev.skopos.analysis.skopos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RouteWeightsAnalyzerTest {

    private final RouteWeightsAnalyzer analyzer = new RouteWeightsAnalyzer();

    static String vs(String route) {
        return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: r, namespace: ns}\n"
                + "spec: {hosts: [r], http: [{route: " + route + "}]}\n";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'[{destination: {host: r, subset: a}, weight: 90}, {destination: {host: r, subset: b}, weight: 10}]'|",
            "'[{destination: {host: r, subset: a}}, {destination: {host: r, subset: b}}]'|",
            "'[{destination: {host: r}, weight: 100}]'|",
            "'[{destination: {host: r}}]'|",
            "'[{destination: {host: r, subset: a}, weight: 60}, {destination: {host: r, subset: b}, weight: 60}]'|"
                    + "SKP0004 VirtualService ns/r: HTTP route http[0] of VirtualService ns/r splits traffic with weights [60 60] that sum to 120, not 100",
            "'[{destination: {host: r, subset: a}, weight: 80}, {destination: {host: r, subset: b}}]'|"
                    + "SKP0004 VirtualService ns/r: HTTP route http[0] of VirtualService ns/r splits traffic with weights [80 0] that sum to 80, not 100",
            "'[{destination: {host: r}, weight: 10}]'|"
                    + "SKP0005 VirtualService ns/r: HTTP route http[0] of VirtualService ns/r has one destination with weight 10: Istio ignores it and sends all traffic there",
    })
    void weights(String route, String expected) {
        var found = Fixtures.lines(analyzer, Fixtures.manifests(vs(route)));
        if (expected == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).containsExactly(expected);
        }
    }

    @Test
    void demoWeightsSumToHundred() {
        assertThat(Fixtures.lines(analyzer, Fixtures.demo())).isEmpty();
    }
}
