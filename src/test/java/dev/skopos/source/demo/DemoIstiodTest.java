package dev.skopos.source.demo;

import static dev.skopos.source.demo.DemoFixture.DETAILS;
import static dev.skopos.source.demo.DemoFixture.FRONTEND;
import static dev.skopos.source.demo.DemoFixture.RATINGS;
import static dev.skopos.source.demo.DemoFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import dev.skopos.source.SynczAnswer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DemoIstiodTest {

    private final DemoSource demo = DemoFixture.source();
    private final IstiodInstance a = demo.istiod().instances().get(0);
    private final IstiodInstance b = demo.istiod().instances().get(1);

    private JsonNode syncz(IstiodInstance i) {
        SynczAnswer answer = demo.istiod().syncz(i).join();
        assertThat(answer.format()).isEqualTo(SynczAnswer.Format.XDS);
        return json(answer.body());
    }

    private static Map<String, String> states(JsonNode syncz, String proxyId) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode r : syncz.path("resources")) {
            if (r.path("node").path("id").asText().equals(proxyId)) {
                r.path("genericXdsConfigs").forEach(t -> out.put(t.path("typeUrl").asText().replaceAll(".*\\.", ""),
                        t.path("configStatus").asText()));
            }
        }
        return out;
    }

    @Test
    void synczHasTheRealShapeAndUnbalancedReplicas() {
        JsonNode sa = syncz(a);
        JsonNode sb = syncz(b);
        assertThat(sa.path("typeUrl").asText()).isEqualTo("istio.io/debug/syncz");
        assertThat(json(sa.path("controlPlane").path("identifier").asText()).path("ID").asText()).isEqualTo(a.name());
        assertThat(sa.path("resources").get(0).path("@type").asText())
                .isEqualTo("type.googleapis.com/envoy.service.status.v3.ClientConfig");
        assertThat(sa.path("resources").size()).isEqualTo(11);
        assertThat(sb.path("resources").size()).isEqualTo(3);
    }

    @Test
    void everyProxyPodAppearsInExactlyOneIstiod() {
        List<String> reported = new ArrayList<>();
        for (IstiodInstance i : demo.istiod().instances()) {
            syncz(i).path("resources").forEach(r -> reported.add(r.path("node").path("id").asText()));
        }
        List<String> proxies = demo.objects().list(ResourceKind.POD, Scope.ALL).stream()
                .filter(p -> p.raw().path("spec").toString().contains("\"name\":\"istio-proxy\""))
                .map(KubeObject::qualifiedName).toList();
        assertThat(reported).containsExactlyInAnyOrderElementsOf(proxies);
    }

    @Test
    void oneStaleAndOneNackingProxyWithTheErrorText() {
        assertThat(states(syncz(a), DETAILS.proxyId())).containsEntry("Cluster", "STALE").containsEntry("Listener", "SYNCED");
        JsonNode sb = syncz(b);
        assertThat(states(sb, RATINGS.proxyId())).containsEntry("Listener", "ERROR").containsEntry("TypedExtensionConfig", "NOT_SENT");
        assertThat(sb.toString()).contains("Error adding/updating listener(s) 0.0.0.0_8080");
        assertThat(states(syncz(a), FRONTEND.proxyId())).containsEntry("Cluster", "SYNCED").containsEntry("RouteConfiguration", "SYNCED");
    }

    @Test
    void httpSynczAgreesWithXds() {
        JsonNode rows = json(demo.synczHttp(a).join().body());
        assertThat(rows.size()).isEqualTo(11);
        for (JsonNode row : rows) {
            boolean stale = row.path("proxy").asText().equals(DETAILS.proxyId());
            assertThat(row.path("cluster_sent").asText().equals(row.path("cluster_acked").asText())).isEqualTo(!stale);
            assertThat(row.has("extensionconfig_sent")).isFalse();
        }
        assertThat(demo.synczHttp(b).join().format()).isEqualTo(SynczAnswer.Format.HTTP);
    }

    @Test
    void istiodConfigDumpDiffersFromEnvoyOnlyForTheStaleAndNackingProxies() {
        JsonNode istiodDetails = json(demo.istiod().configDump(a, DETAILS).join());
        JsonNode envoyDetails = json(demo.envoy().configDump(DETAILS, false).join());
        assertThat(istiodDetails.toString()).contains("outbound|8080||ledger.payments.svc.cluster.local");
        assertThat(envoyDetails.toString()).doesNotContain("outbound|8080||ledger.payments.svc.cluster.local");
        JsonNode istiodFrontend = json(demo.istiod().configDump(a, FRONTEND).join());
        JsonNode envoyFrontend = json(demo.envoy().configDump(FRONTEND, false).join());
        for (int i = 0; i < 3; i++) {
            JsonNode istiodPart = istiodFrontend.path("configs").get(i);
            JsonNode envoyPart = DemoFixture.config(envoyFrontend, istiodPart.path("@type").asText().replaceAll(".*\\.", ""));
            assertThat(envoyPart).isEqualTo(istiodPart);
        }
        assertThat(json(demo.envoy().configDump(RATINGS, false).join()).toString()).contains("error_state");
        assertThat(demo.istiod().configDump(b, RATINGS).join()).contains("envoy.filters.http.lua");
        assertThatThrownBy(() -> demo.istiod().configDump(b, FRONTEND).join()).isInstanceOf(CompletionException.class);
    }

    @Test
    void metricsShowUnbalancedConnectionsAndRejects() {
        String ma = demo.istiod().metrics(a).join();
        String mb = demo.istiod().metrics(b).join();
        assertThat(ma).contains("pilot_xds{version=\"1.27.3\"} 11", "pilot_total_xds_rejects{type=\"lds\"} 0",
                "pilot_proxy_convergence_time_bucket{le=\"+Inf\"}", "pilot_xds_pushes{type=\"cds\"}");
        assertThat(mb).contains("pilot_xds{version=\"1.27.3\"} 3").containsPattern("pilot_total_xds_rejects\\{type=\"lds\"} [1-9]");
    }

    @Test
    void logScopesChange() {
        assertThat(json(demo.istiod().logScopes(a).join()).findValuesAsText("name")).contains("ads", "default");
        demo.istiod().setLogScope(a, "ads", "debug").join();
        JsonNode ads = DemoFixture.find(json(demo.istiod().logScopes(a).join()), n -> n.path("name").asText().equals("ads")).get(0);
        assertThat(ads.path("output_level").asText()).isEqualTo("debug");
        assertThat(DemoFixture.find(json(demo.istiod().logScopes(b).join()), n -> n.path("name").asText().equals("ads")).get(0)
                .path("output_level").asText()).isEqualTo("info");
        assertThatThrownBy(() -> demo.istiod().setLogScope(a, "ads", "loud").join())
                .hasCauseInstanceOf(SourceException.class);
    }
}
