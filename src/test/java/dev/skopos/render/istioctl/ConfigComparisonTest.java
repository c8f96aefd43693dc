package dev.skopos.render.istioctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skopos.envoy.EnvoyParseException;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ConfigComparisonTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** A dump with clusters {@code names} (in that order), one listener and one route with two virtual hosts. */
    private static String dump(String version, String clusters, String listenerExtra, String hosts) {
        return """
                {"configs": [
                  {"@type": "type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
                   "version_info": "%1$s",
                   "dynamic_active_clusters": [%2$s]},
                  {"@type": "type.googleapis.com/envoy.admin.v3.ListenersConfigDump",
                   "dynamic_listeners": [
                     {"name": "0.0.0.0_80", %3$s
                      "active_state": {"version_info": "%1$s", "last_updated": "2024-03-04T08:37:44Z",
                        "listener": {"@type": "type.googleapis.com/envoy.config.listener.v3.Listener", "name": "0.0.0.0_80"}}},
                     {"name": "warming_only", "warming_state": {"listener": {"name": "warming_only"}}}
                   ]},
                  {"@type": "type.googleapis.com/envoy.admin.v3.RoutesConfigDump",
                   "dynamic_route_configs": [
                     {"version_info": "%1$s", "last_updated": "2024-03-04T08:37:44.123Z",
                      "route_config": {"@type": "type.googleapis.com/envoy.config.route.v3.RouteConfiguration",
                        "name": "80", "virtual_hosts": [%4$s]}}]}
                ]}
                """.formatted(version, clusters, listenerExtra, hosts);
    }

    private static String cluster(String name, String lastUpdated) {
        return """
                {"version_info": "v-%2$s", "last_updated": "%2$s",
                 "cluster": {"@type": "type.googleapis.com/envoy.api.v2.Cluster", "name": "%1$s", "connect_timeout": "10s"}}
                """.formatted(name, lastUpdated);
    }

    private static final String HOSTS = "{\"name\": \"a\", \"domains\": [\"a\"]}, {\"name\": \"b\", \"domains\": [\"b\"]}";
    private static final String HOSTS_SWAPPED = "{\"name\": \"b\", \"domains\": [\"b\"]}, {\"name\": \"a\", \"domains\": [\"a\"]}";

    @Test
    void versionsTimesOrderDrainingStateAndOldTypeUrlsDoNotCount() {
        String istiod = dump("1", cluster("b", "2024-01-01T00:00:00Z") + "," + cluster("a", "2024-01-01T00:00:00Z"),
                "", HOSTS);
        String envoy = dump("2", cluster("a", "2025-01-01T00:00:00Z") + "," + cluster("b", "2025-01-01T00:00:00Z"),
                "\"draining_state\": {\"listener\": {\"name\": \"old\"}},", HOSTS_SWAPPED)
                .replace("envoy.api.v2.Cluster", "envoy.config.cluster.v3.Cluster");

        assertThat(ConfigComparison.compare(istiod, envoy, UTC)).isEqualTo("""
                Clusters Match
                Listeners Match
                Routes Match (RDS last loaded at Mon, 04 Mar 2024 08:37:44 UTC)
                """);
    }

    @Test
    void aClusterOnlyIstiodHasIsShownAsRemovedInIstioctlsLayout() {
        String istiod = dump("1", cluster("a", "x") + "," + cluster("ledger", "x"), "", HOSTS);
        String envoy = dump("1", cluster("a", "x"), "", HOSTS);

        String text = ConfigComparison.compare(istiod, envoy, UTC);

        assertThat(text).startsWith("""
                Clusters Don't Match
                --- Istiod Clusters
                +++ Envoy Clusters
                @@ -2,17 +2,10 @@
                    "dynamicActiveClusters": [
                       {
                          "cluster": {
                             "@type": "type.googleapis.com/envoy.config.cluster.v3.Cluster",
                             "name": "a",
                             "connectTimeout": "10s"
                          }
                -      },
                -      {
                -         "cluster": {
                -            "@type": "type.googleapis.com/envoy.config.cluster.v3.Cluster",
                -            "name": "ledger",
                -            "connectTimeout": "10s"
                -         }
                       }
                    ]
                 }

                Listeners Match
                """);
    }

    @Test
    void aChangedRouteSaysWhenEnvoyLoadedItsRoutes() {
        String istiod = dump("1", "", "", HOSTS);
        String envoy = dump("1", "", "", HOSTS.replace("[\"b\"]", "[\"b\", \"b:80\"]"));

        assertThat(ConfigComparison.compare(istiod, envoy, ZoneId.of("Europe/Paris")))
                .contains("Clusters Match\n")
                .contains("Routes Don't Match (RDS last loaded at Mon, 04 Mar 2024 09:37:44 CET)\n--- Istiod Routes\n")
                .contains("-                     \"b\"\n+                     \"b\",\n+                     \"b:80\"\n")
                .endsWith("\n\n");
    }

    @Test
    void aMissingSectionOnOneSideIsADifference() {
        String envoy = dump("1", cluster("a", "x"), "", HOSTS);
        String istiod = envoy.replace("envoy.admin.v3.ClustersConfigDump", "envoy.admin.v3.SomethingElse");

        assertThat(ConfigComparison.compare(istiod, envoy, UTC))
                .contains("-config dump has no configuration type type.googleapis.com/envoy.admin.v3.ClustersConfigDump\n");
    }

    @Test
    void notJsonFailsInOneLineNamingTheSide() {
        assertThatThrownBy(() -> ConfigComparison.compare("{\"configs\": []}", "nope", UTC))
                .isInstanceOf(EnvoyParseException.class)
                .hasMessageStartingWith("Envoy config dump: not JSON");
    }
}
