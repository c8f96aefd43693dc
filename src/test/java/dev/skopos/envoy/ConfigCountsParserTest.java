package dev.skopos.envoy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigCountsParserTest {

    private static final Path CONFORMANCE = Path.of("../shared/conformance/proxy-config/current");

    /** Expected counts were taken by hand from the dumps (and agree with istioctl's summaries). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file,                                                         L, wL, C, wC, RC, VH, R, S, wS
            "proxyconfig/testdata/config_dump.json,                          2, 0, 3, 0, 1, 1, 1, 2, 0",
            "writer/compare/testdata/configdump.json,                        3, 0, 1, 0, 1, 1, 1, 0, 0",
            "writer/compare/testdata/configdump_diff.json,                   3, 0, 1, 0, 1, 1, 1, 0, 0",
            "writer/envoy/configdump/testdata/secret/istio/config_dump.json, 0, 0, 0, 0, 0, 0, 0, 2, 1",
            "writer/envoy/configdump/testdata/secret/spire/config_dump.json, 0, 0, 0, 0, 0, 0, 0, 2, 0",
            "writer/envoy/configdump/testdata/routes/k8s-gateway-http-route-path-prefix/configdump.json, 0, 0, 0, 0, 3, 3, 3, 0, 0",
            "writer/envoy/configdump/testdata/routes/empty-gateway/configdump.json, 0, 0, 0, 0, 2, 2, 2, 0, 0",
            "writer/envoy/configdump/testdata/endpoint/configdump.json,      0, 0, 0, 0, 0, 0, 0, 0, 0",
            "writer/envoy/configdump/testdata/ecds/configdump.json,          0, 0, 0, 0, 0, 0, 0, 0, 0",
            "writer/envoy/configdump/testdata/configdump.json,               0, 0, 0, 0, 0, 0, 0, 0, 0",
    })
    void countsConformanceDumps(String file, int l, int wl, int c, int wc, int rc, int vh, int r, int s, int ws)
            throws IOException {
        Path dump = CONFORMANCE.resolve(file);
        Assumptions.assumeTrue(Files.exists(dump), "conformance data absent");

        ConfigCounts counts = ConfigCountsParser.parse(Files.readString(dump));

        assertThat(counts).isEqualTo(new ConfigCounts(l, wl, c, wc, rc, vh, r, s, ws));
    }

    @Test
    void separatesWarmingFromActiveInV3Dumps() {
        String dump = """
                {"configs": [
                  {"@type": "type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
                   "static_clusters": [{"cluster": {}}],
                   "dynamic_active_clusters": [{"cluster": {}}, {"cluster": {}}],
                   "dynamic_warming_clusters": [{"cluster": {}}]},
                  {"@type": "type.googleapis.com/envoy.admin.v3.ListenersConfigDump",
                   "dynamic_listeners": [
                     {"name": "a", "active_state": {"listener": {}}},
                     {"name": "b", "warming_state": {"listener": {}}},
                     {"name": "c", "active_state": {"listener": {}}, "warming_state": {"listener": {}}},
                     {"name": "d", "draining_state": {"listener": {}}},
                     {"name": "e", "error_state": {"details": "bad"}}]},
                  {"@type": "type.googleapis.com/envoy.admin.v3.RoutesConfigDump",
                   "dynamic_route_configs": [
                     {"route_config": {"name": "80", "virtual_hosts": [
                        {"name": "a", "routes": [{}, {}]}, {"name": "b", "routes": [{}]}, {"name": "c"}]}},
                     {"error_state": {"details": "rejected"}}]},
                  {"@type": "type.googleapis.com/envoy.admin.v3.SecretsConfigDump",
                   "static_secrets": [{}],
                   "dynamic_active_secrets": [{}],
                   "dynamic_warming_secrets": [{}, {}]},
                  {"@type": "type.googleapis.com/envoy.admin.v3.SomethingNewConfigDump", "x": [1]}
                ]}
                """;

        assertThat(ConfigCountsParser.parse(dump)).isEqualTo(new ConfigCounts(2, 1, 3, 1, 1, 3, 3, 2, 2));
    }

    @Test
    void readsV2alphaDumps() {
        String dump = """
                {"configs": [
                  {"@type": "type.googleapis.com/envoy.admin.v2alpha.ClustersConfigDump",
                   "static_clusters": [{}], "dynamic_active_clusters": [{}], "dynamic_warming_clusters": [{}]},
                  {"@type": "type.googleapis.com/envoy.admin.v2alpha.ListenersConfigDump",
                   "static_listeners": [{}],
                   "dynamic_active_listeners": [{}, {}],
                   "dynamic_warming_listeners": [{}],
                   "dynamic_draining_listeners": [{}]},
                  {"@type": "type.googleapis.com/envoy.admin.v2alpha.RoutesConfigDump",
                   "static_route_configs": [{"route_config": {"virtual_hosts": [{"routes": [{}]}]}}]}
                ]}
                """;

        assertThat(ConfigCountsParser.parse(dump)).isEqualTo(new ConfigCounts(3, 1, 2, 1, 1, 1, 1, 0, 0));
    }

    @Test
    void readsPre19DumpsKeyedByName() {
        String dump = """
                {"configs": {
                  "clusters": {"@type": "type.googleapis.com/envoy.admin.v2alpha.ClustersConfigDump",
                               "static_clusters": [{}, {}]}}}
                """;

        assertThat(ConfigCountsParser.parse(dump).clusters()).isEqualTo(2);
    }

    @Test
    void emptyDumpCountsNothing() {
        assertThat(ConfigCountsParser.parse("{}")).isEqualTo(new ConfigCounts(0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void truncatedDumpFailsNamingConfigDump() {
        assertThatThrownBy(() -> ConfigCountsParser.parse("{\"configs\": [{\"@type\": \"x\""))
                .isInstanceOf(EnvoyParseException.class)
                .hasMessageStartingWith("config_dump: not JSON (")
                .hasMessageNotContaining("\n");
    }
}
