package dev.skopos.analysis.security;

import static dev.skopos.analysis.security.Fixtures.run;
import static dev.skopos.analysis.security.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalControlPlaneAnalyzerTest {

    private static String injector(String url) {
        return """
                apiVersion: admissionregistration.k8s.io/v1
                kind: MutatingWebhookConfiguration
                metadata: {name: istio-sidecar-injector}
                webhooks:
                - name: object.sidecar-injector.istio.io
                  clientConfig: {url: "%s"}
                """.formatted(url);
    }

    private static ExternalControlPlaneAnalyzer resolving(Map<String, HostResolver.Answer> answers) {
        return new ExternalControlPlaneAnalyzer(h -> answers.getOrDefault(h, HostResolver.Answer.UNKNOWN));
    }

    @Test
    void dnsAnswersDecideHostnameFindings() {
        var analyzer = resolving(Map.of(
                "gone.example", HostResolver.Answer.DOES_NOT_RESOLVE,
                "empty.example", HostResolver.Answer.NO_ADDRESSES,
                "ok.example", HostResolver.Answer.RESOLVES));
        assertThat(run(analyzer, snapshot(injector("https://gone.example:15017/inject")))).containsExactly(
                "IST0163 MutatingWebhookConfiguration istio-sidecar-injector: The hostname (https://gone.example:15017/inject) "
                        + "that was provided for the webhook (object.sidecar-injector.istio.io) to reach the ingress gateway "
                        + "on the external control plane cluster cannot be resolved via a DNS lookup. Traffic may not flow properly.");
        assertThat(run(analyzer, snapshot(injector("https://empty.example/inject")))).singleElement()
                .asString().contains("resolves with zero IP addresses");
        assertThat(run(analyzer, snapshot(injector("https://ok.example/inject")))).isEmpty();
    }

    @Test
    void offlineByDefaultSoUnresolvedNamesAreNotGuessedAt() {
        assertThat(run(new ExternalControlPlaneAnalyzer(), snapshot(injector("https://nowhere.invalid/inject")))).isEmpty();
    }

    @Test
    void ipAddressesAndBadUrlsNeedNoDns() {
        var analyzer = new ExternalControlPlaneAnalyzer();
        assertThat(run(analyzer, snapshot(injector("https://[2001:db8::1]:443/x")))).singleElement()
                .asString().startsWith("IST0164");
        assertThat(run(analyzer, snapshot(injector("https://host:port/x")))).singleElement()
                .asString().contains("was provided in an invalid format");
        assertThat(run(analyzer, snapshot(injector("")))).singleElement()
                .asString().contains("cannot be resolved via a DNS lookup");
    }

    @Test
    void onlyIstiosWebhookConfigurationsAreChecked() {
        String yaml = """
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata: {name: cert-manager-webhook}
                webhooks: [{name: w, clientConfig: {}}]
                ---
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata: {name: istiod-default-validator}
                webhooks: [{name: v, clientConfig: {service: {name: istiod, namespace: istio-system}}}]
                """;
        assertThat(run(new ExternalControlPlaneAnalyzer(), snapshot(yaml))).isEmpty();
    }

    @Test
    void hostnames() {
        assertThat(WebhookUrls.hostname("https://user@istiod.example:15017/inject?x=1")).hasValue("istiod.example");
        assertThat(WebhookUrls.hostname("https://[::1]/x")).hasValue("::1");
        assertThat(WebhookUrls.hostname("https://[::1/x")).isEmpty();
        assertThat(WebhookUrls.isIp("10.0.0.1")).isTrue();
        assertThat(WebhookUrls.isIp("010.0.0.1")).isFalse();
        assertThat(WebhookUrls.isIp("::ffff:10.0.0.1")).isTrue();
        assertThat(WebhookUrls.isIp("cafe.example")).isFalse();
    }
}
