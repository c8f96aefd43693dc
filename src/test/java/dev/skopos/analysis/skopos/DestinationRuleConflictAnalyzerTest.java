package dev.skopos.analysis.skopos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DestinationRuleConflictAnalyzerTest {

    static final String OLD = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: b-old, namespace: shop, creationTimestamp: "2025-01-01T00:00:00Z"}
            spec:
              host: cart
              trafficPolicy: {loadBalancer: {simple: LEAST_REQUEST}}
              subsets: [{name: v1, labels: {version: v1}}]
            """;

    private final DestinationRuleConflictAnalyzer analyzer = new DestinationRuleConflictAnalyzer();

    @Test
    void laterRuleForTheSameFqdnLosesClashingSubsetsAndPolicy() {
        String newer = """
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: a-new, namespace: shop, creationTimestamp: "2025-02-01T00:00:00Z"}
                spec:
                  host: cart.shop.svc.cluster.local
                  trafficPolicy: {tls: {mode: DISABLE}}
                  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
                """;
        // a-new sorts first by name, but the older creationTimestamp decides.
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(OLD + newer))).containsExactly(
                "SKP0001 DestinationRule shop/a-new: DestinationRule shop/a-new is merged into the older shop/b-old for"
                        + " host cart.shop: its subset v1 (name already taken) and its trafficPolicy (tls DISABLE) never reach Envoy");
    }

    @Test
    void distinctSubsetsAndNoPolicyMergeCleanly() {
        String newer = """
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: c-new, namespace: shop, creationTimestamp: "2025-02-01T00:00:00Z"}
                spec: {host: cart, subsets: [{name: v2, labels: {version: v2}}]}
                """;
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(OLD + newer))).isEmpty();
    }

    @Test
    void shortNameWithDotIsNotExpandedSoItIsAnotherHost() {
        // Istio takes "cart.shop" as written: it is not cart.shop.svc.cluster.local, so nothing merges.
        String other = """
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: c-new, namespace: shop, creationTimestamp: "2025-02-01T00:00:00Z"}
                spec: {host: cart.shop, trafficPolicy: {tls: {mode: DISABLE}}}
                """;
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(OLD + other))).isEmpty();
    }

    @Test
    void differentSelectorsAreNotMerged() {
        String selected = """
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: c-new, namespace: shop, creationTimestamp: "2025-02-01T00:00:00Z"}
                spec: {host: cart, workloadSelector: {matchLabels: {app: web}}, trafficPolicy: {tls: {mode: DISABLE}}}
                """;
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(OLD + selected))).isEmpty();
    }

    @Test
    void acrossNamespacesTheHostsNamespaceHidesTheRootRuleAndClientRulesReplaceIt() {
        String others = """
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: cart-global, namespace: istio-system}
                spec: {host: cart.shop.svc.cluster.local, trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}}
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: cart-from-web, namespace: web}
                spec: {host: cart.shop.svc.cluster.local, trafficPolicy: {connectionPool: {tcp: {maxConnections: 5}}}}
                """;
        assertThat(Fixtures.lines(analyzer, Fixtures.manifests(OLD + others))).containsExactlyInAnyOrder(
                "SKP0002 DestinationRule istio-system/cart-global: For host cart.shop, clients in every namespace use"
                        + " DestinationRule shop/b-old instead of this one (rules in different namespaces are not merged)",
                "SKP0002 DestinationRule shop/b-old: For host cart.shop, clients in namespace web use DestinationRule"
                        + " web/cart-from-web instead of this one (rules in different namespaces are not merged)");
    }

    @Test
    void demoReportsOnlyReviewsLegacy() {
        assertThat(Fixtures.lines(analyzer, Fixtures.demo())).singleElement()
                .satisfies(l -> assertThat(l).startsWith("SKP0001 DestinationRule bookinfo/reviews-legacy:"));
    }
}
