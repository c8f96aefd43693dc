package dev.skopos.istiod;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.PodRef;
import dev.skopos.source.SynczAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncDocumentsTest {

    private static final IstiodInstance ISTIOD = new IstiodInstance(new PodRef("istio-system", "istiod-1"), "", "");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[] | HTTP", "  [{\"proxy\": \"a.b\"}] | HTTP", "null | HTTP",
        "{\"resources\": []} | XDS", "garbage | XDS"})
    void tellsTheFormatFromTheContent(String body, SynczAnswer.Format format) {
        assertThat(SynczParser.formatOf(body)).isEqualTo(format);
    }

    @Test
    void namespaceFilterKeepsTheNamespaceMetadataOrTheIdsNamespace() {
        String body = """
                {"versionInfo": "1", "resources": [
                  {"node": {"id": "sidecar~10.0.0.1~a-1.foo~foo.svc.cluster.local", "metadata": {}}},
                  {"node": {"id": "b-1", "metadata": {"NAMESPACE": "foo"}}},
                  {"node": {"id": "c-1.bar", "metadata": {"NAMESPACE": "bar"}}}],
                 "typeUrl": "t"}
                """;
        SynczAnswer answer = new SynczAnswer(ISTIOD, SynczAnswer.Format.XDS, body);

        JsonNode foo = SyncDocuments.document(answer, "foo");
        assertThat(foo.path("resources").findValuesAsText("id")).containsExactly(
                "sidecar~10.0.0.1~a-1.foo~foo.svc.cluster.local", "b-1");
        assertThat(SyncDocuments.document(answer, null).path("resources")).hasSize(3);
        // An empty list is left out, as protojson does; the other fields stay in their order.
        JsonNode none = SyncDocuments.document(answer, "nope");
        assertThat(none.has("resources")).isFalse();
        assertThat(none.fieldNames()).toIterable().containsExactly("versionInfo", "typeUrl");
        assertThat(SynczParser.parse(answer)).extracting(ProxySync::namespace).containsExactly("foo", "foo", "bar");
    }

    @Test
    void anHttpReportBecomesClientConfigsWithTheSameStates() {
        String body = """
                [{"proxy": "a-1.foo", "proxy_type": "sidecar", "cluster_id": "Kubernetes", "istio_version": "1.19.0",
                  "cluster_sent": "n1", "cluster_acked": "n1", "listener_sent": "n2", "listener_acked": "n0"},
                 {"proxy": "z-1.bar", "proxy_type": "ztunnel", "cluster_id": "Kubernetes", "istio_version": "1.19.0"}]
                """;

        JsonNode doc = SyncDocuments.document(new SynczAnswer(ISTIOD, SynczAnswer.Format.HTTP, body), "foo");

        assertThat(doc.path("resources")).hasSize(1);
        JsonNode config = doc.path("resources").get(0);
        assertThat(config.path("node").path("metadata").path("NAMESPACE").asText()).isEqualTo("foo");
        assertThat(config.path("genericXdsConfigs").findValuesAsText("configStatus"))
                .isEqualTo(List.of("SYNCED", "STALE", "NOT_SENT", "NOT_SENT", "NOT_SENT"));
        assertThat(doc.path("controlPlane").path("identifier").asText()).contains("\"ID\":\"istiod-1\"");
        // Read back, the synthesized document says what the HTTP report said.
        String json = doc.toString();
        assertThat(ProxyStatusTable.render(SynczParser.parse(new SynczAnswer(ISTIOD, SynczAnswer.Format.XDS, json))))
                .isEqualTo(ProxyStatusTable.render(SynczParser.parse(new SynczAnswer(ISTIOD, SynczAnswer.Format.HTTP,
                        body)).stream().filter(s -> s.namespace().equals("foo")).toList()));
    }
}
