package dev.skopos.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.envoy.config.ConfigDumpParser;
import dev.skopos.envoy.config.ParseOptions;
import dev.skopos.mesh.ConfigDiff.Change;
import dev.skopos.mesh.ConfigDiff.FieldChange;
import dev.skopos.mesh.ConfigDiff.Kind;
import dev.skopos.mesh.ConfigDiff.ResourceDiff;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.PodRef;
import dev.skopos.source.demo.DemoSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigDiffTest {

    static final String LEDGER_CLUSTER = "outbound|8080||ledger.payments.svc.cluster.local";
    static final String LEDGER_VHOST = "route.virtual_hosts[\"ledger.payments.svc.cluster.local:8080\"]";
    static final PodRef DETAILS = new PodRef("bookinfo", "details-v1-65b9d8c7f-8jq2n");
    static final PodRef REVIEWS_V2_OLD = new PodRef("bookinfo", "reviews-v2-6c9d8b7f5-h2lqw");
    static final PodRef REVIEWS_V2_NEW = new PodRef("bookinfo", "reviews-v2-6c9d8b7f5-r9fjd");

    private final DemoSource demo = new DemoSource(Clock.fixed(Instant.parse("2025-11-27T12:00:00Z"), ZoneOffset.UTC));

    private ConfigDump envoy(PodRef pod) {
        return ConfigDumpParser.parse(demo.envoy().configDump(pod, false).join(), ParseOptions.FULL);
    }

    private ConfigDump istiod(PodRef pod) {
        for (IstiodInstance i : demo.istiod().instances()) {
            try {
                return ConfigDumpParser.parse(demo.istiod().configDump(i, pod).join(), ParseOptions.FULL);
            } catch (java.util.concurrent.CompletionException notConnectedHere) {
                // the other replica serves it
            }
        }
        throw new AssertionError("no istiod serves " + pod);
    }

    @Test
    void theStaleProxyLacksWhatIstiodWouldSendIt() {
        ConfigDiff diff = ConfigDiff.compare("istiod", istiod(DETAILS), "Envoy", envoy(DETAILS));
        assertThat(diff.compared()).containsExactly(Kind.CLUSTER, Kind.LISTENER, Kind.ROUTE);
        assertThat(diff.resources()).extracting(ResourceDiff::kind, ResourceDiff::name, ResourceDiff::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.CLUSTER, LEDGER_CLUSTER, Change.MISSING),
                        org.assertj.core.groups.Tuple.tuple(Kind.ROUTE, "8080", Change.CHANGED));
        FieldChange vhost = diff.find(Kind.ROUTE, "8080").orElseThrow().fields().get(0);
        assertThat(vhost.path()).isEqualTo(LEDGER_VHOST);
        assertThat(vhost.a().path("domains").toString()).contains("ledger.payments.svc.cluster.local");
        assertThat(vhost.b()).isNull();
        // swapping the sides turns missing into extra
        ConfigDiff back = ConfigDiff.compare("Envoy", envoy(DETAILS), "istiod", istiod(DETAILS));
        assertThat(back.find(Kind.CLUSTER, LEDGER_CLUSTER).orElseThrow().change()).isEqualTo(Change.EXTRA);
    }

    @Test
    void aSyncedProxyMatchesIstiodDespiteStaticResourcesAndVersions() {
        PodRef productpage = new PodRef("bookinfo", "productpage-v1-7f9d8c6b5-4xk2m");
        assertThat(ConfigDiff.compare("istiod", istiod(productpage), "Envoy", envoy(productpage)).isEmpty()).isTrue();
    }

    @Test
    void identicalDumpsHaveNoDiff() {
        ConfigDump d = envoy(DETAILS);
        assertThat(ConfigDiff.compare("a", d, "b", envoy(DETAILS)).resources()).isEmpty();
    }

    @Test
    void twoReplicasOfReviewsV2DifferByThePushTheNewOneMissed() {
        ConfigDiff diff = ConfigDiff.compare(REVIEWS_V2_OLD.name(), envoy(REVIEWS_V2_OLD),
                REVIEWS_V2_NEW.name(), envoy(REVIEWS_V2_NEW));
        assertThat(diff.find(Kind.CLUSTER, LEDGER_CLUSTER).orElseThrow().change()).isEqualTo(Change.MISSING);
        assertThat(diff.find(Kind.ROUTE, "8080").orElseThrow().fields()).extracting(FieldChange::path)
                .containsExactly(LEDGER_VHOST);
        assertThat(diff.resources()).hasSize(2);
    }

    @Test
    void aLeanParseIsRefused() {
        ConfigDump lean = ConfigDumpParser.parse(demo.envoy().configDump(DETAILS, false).join(), ParseOptions.LEAN);
        assertThatThrownBy(() -> ConfigDiff.compare("a", lean, "b", lean))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ParseOptions.FULL");
    }

    @Test
    void aKindMissingFromOneDumpIsNotCompared() {
        ConfigDump clustersOnly = ConfigDumpParser.parse(dump(cluster("c", "{}"), "", ""), ParseOptions.FULL);
        ConfigDump all = ConfigDumpParser.parse(dump(cluster("c", "{}"), listener("l", "{}"), routes("r", "{}")),
                ParseOptions.FULL);
        ConfigDiff diff = ConfigDiff.compare("a", clustersOnly, "b", all);
        assertThat(diff.compared()).containsExactly(Kind.CLUSTER);
        assertThat(diff.isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // what                       | A's cluster fields                                                        | B's cluster fields                                                     | expected differences
            "circuit breaker             | \"circuit_breakers\":{\"thresholds\":[{\"max_connections\":1024}]}         | \"circuit_breakers\":{\"thresholds\":[{\"max_connections\":100}]}      | cluster.circuit_breakers.thresholds[0].max_connections: 1024 → 100",
            "versions ignored            | \"connect_timeout\":\"10s\"                                                | \"connect_timeout\":\"10s\",\"version_info\":\"x\",\"last_updated\":\"y\" | ",
            "a field only in B           | \"connect_timeout\":\"10s\"                                                | \"connect_timeout\":\"10s\",\"lb_policy\":\"LEAST_REQUEST\"             | cluster.lb_policy: (absent) → \"LEAST_REQUEST\"",
            "string vs number            | \"per_connection_buffer_limit_bytes\":32768                                | \"per_connection_buffer_limit_bytes\":\"32768\"                        | cluster.per_connection_buffer_limit_bytes: 32768 → \"32768\"",
            "unnamed array by index      | \"transport_socket_matches\":[{\"match\":{\"a\":1}},{\"match\":{}}]        | \"transport_socket_matches\":[{\"match\":{}}]                         | cluster.transport_socket_matches[0].match.a: 1 → (absent); cluster.transport_socket_matches[1]: {\"match\":{}} → (absent)"})
    void fieldLevelChangesOnHandMadeClusters(String what, String a, String b, String expected) {
        ConfigDump da = ConfigDumpParser.parse(dump(cluster("c", "{\"name\":\"c\"," + a + "}"), "", ""), ParseOptions.FULL);
        ConfigDump db = ConfigDumpParser.parse(dump(cluster("c", "{\"name\":\"c\"," + b + "}"), "", ""), ParseOptions.FULL);
        ConfigDiff diff = ConfigDiff.compare("A", da, "B", db);
        String actual = diff.resources().stream().flatMap(r -> r.fields().stream())
                .map(f -> f.path() + ": " + text(f.a()) + " → " + text(f.b()))
                .collect(java.util.stream.Collectors.joining("; "));
        assertThat(actual).isEqualTo(expected == null ? "" : expected.strip());
    }

    @Test
    void namedElementsMatchByNameWhereverTheyMove() {
        String a = "{\"name\":\"80\",\"virtual_hosts\":[{\"name\":\"a:80\",\"domains\":[\"a\"],\"routes\":["
                + "{\"name\":\"canary\",\"route\":{\"cluster\":\"x\",\"timeout\":\"5s\"}},{\"name\":\"default\",\"route\":{\"cluster\":\"x\"}}]},"
                + "{\"name\":\"b:80\",\"domains\":[\"b\"]}]}";
        String b = "{\"name\":\"80\",\"virtual_hosts\":[{\"name\":\"new:80\",\"domains\":[\"n\"]},"
                + "{\"name\":\"b:80\",\"domains\":[\"b\"]},{\"name\":\"a:80\",\"domains\":[\"a\"],\"routes\":["
                + "{\"name\":\"default\",\"route\":{\"cluster\":\"x\"}},{\"name\":\"canary\",\"route\":{\"cluster\":\"x\",\"timeout\":\"1s\"}}]}]}";
        ConfigDiff diff = ConfigDiff.compare("A", ConfigDumpParser.parse(dump("", "", routes("80", a)), ParseOptions.FULL),
                "B", ConfigDumpParser.parse(dump("", "", routes("80", b)), ParseOptions.FULL));
        assertThat(diff.find(Kind.ROUTE, "80").orElseThrow().fields()).extracting(FieldChange::path).containsExactly(
                "route.virtual_hosts[\"a:80\"].routes[\"canary\"].route.timeout",
                "route.virtual_hosts[\"new:80\"]");
    }

    @Test
    void listenersOnlyInOneDumpAreMissingOrExtra() {
        ConfigDiff diff = ConfigDiff.compare("A",
                ConfigDumpParser.parse(dump("", listener("0.0.0.0_9080", "{\"name\":\"0.0.0.0_9080\"}"), ""), ParseOptions.FULL),
                "B", ConfigDumpParser.parse(dump("", listener("0.0.0.0_5000", "{\"name\":\"0.0.0.0_5000\"}"), ""), ParseOptions.FULL));
        assertThat(diff.of(Kind.LISTENER)).extracting(ResourceDiff::name, ResourceDiff::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("0.0.0.0_5000", Change.EXTRA),
                org.assertj.core.groups.Tuple.tuple("0.0.0.0_9080", Change.MISSING));
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n) {
        return n == null ? "(absent)" : n.toString();
    }

    static String dump(String clusters, String listeners, String routes) {
        StringBuilder configs = new StringBuilder();
        if (!clusters.isEmpty()) {
            configs.append("{\"@type\":\"type.googleapis.com/envoy.admin.v3.ClustersConfigDump\",\"dynamic_active_clusters\":[")
                    .append(clusters).append("]}");
        }
        if (!listeners.isEmpty()) {
            configs.append(configs.length() > 0 ? "," : "")
                    .append("{\"@type\":\"type.googleapis.com/envoy.admin.v3.ListenersConfigDump\",\"dynamic_listeners\":[")
                    .append(listeners).append("]}");
        }
        if (!routes.isEmpty()) {
            configs.append(configs.length() > 0 ? "," : "")
                    .append("{\"@type\":\"type.googleapis.com/envoy.admin.v3.RoutesConfigDump\",\"dynamic_route_configs\":[")
                    .append(routes).append("]}");
        }
        return "{\"configs\":[" + configs + "]}";
    }

    static String cluster(String name, String json) {
        return "{\"version_info\":\"v1\",\"cluster\":" + withType(json, "envoy.config.cluster.v3.Cluster")
                + ",\"last_updated\":\"2025-11-27T11:00:00Z\"}";
    }

    static String listener(String name, String json) {
        return "{\"name\":\"" + name + "\",\"active_state\":{\"version_info\":\"v1\",\"listener\":"
                + withType(json, "envoy.config.listener.v3.Listener") + ",\"last_updated\":\"2025-11-27T11:00:00Z\"}}";
    }

    static String routes(String name, String json) {
        return "{\"version_info\":\"v1\",\"route_config\":" + withType(json, "envoy.config.route.v3.RouteConfiguration")
                + ",\"last_updated\":\"2025-11-27T11:00:00Z\"}";
    }

    private static String withType(String json, String type) {
        String body = json.strip().substring(1);
        return "{\"@type\":\"type.googleapis.com/" + type + "\"" + (body.strip().equals("}") ? "" : ",") + body;
    }
}
