package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.Optional;

/**
 * istioctl's externalcontrolplane.ExternalControlPlaneAnalyzer: on a remote cluster Istio's
 * webhooks point at the external istiod by URL. Each hook of Istio's validating and injecting
 * webhook configurations needs a URL or an in-cluster service; a URL's host should be a resolvable
 * hostname rather than an IP address.
 */
final class ExternalControlPlaneAnalyzer implements Analyzer {

    private static final String DEFAULT_VALIDATOR = "istiod-default-validator";
    private static final String VALIDATOR_PREFIX = "istio-validator";
    private static final String INJECTOR_PREFIX = "istio-sidecar-injector";

    private final HostResolver resolver;

    ExternalControlPlaneAnalyzer(HostResolver resolver) {
        this.resolver = resolver;
    }

    ExternalControlPlaneAnalyzer() {
        this(HostResolver.OFFLINE);
    }

    @Override
    public String name() {
        return "externalcontrolplane.ExternalControlPlaneAnalyzer";
    }

    @Override
    public String description() {
        return "Checks that the remote IstioOperator resources reference an external control plane";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Resource config : snapshot.list("admissionregistration.k8s.io", "ValidatingWebhookConfiguration")) {
            if (config.name().equals(DEFAULT_VALIDATOR) || config.name().startsWith(VALIDATOR_PREFIX)) {
                checkHooks(config, reporter);
            }
        }
        for (Resource config : snapshot.list("admissionregistration.k8s.io", "MutatingWebhookConfiguration")) {
            if (config.name().startsWith(INJECTOR_PREFIX)) {
                checkHooks(config, reporter);
            }
        }
    }

    private void checkHooks(Resource config, Reporter reporter) {
        for (JsonNode hook : config.body().path("webhooks")) {
            String hookName = hook.path("name").asText("");
            JsonNode client = hook.path("clientConfig");
            if (client.hasNonNull("url")) {
                checkUrl(config, hookName, client.path("url").asText(), reporter);
            } else if (!client.hasNonNull("service")) {
                reporter.report("InvalidExternalControlPlaneConfig", config, "", hookName, "is blank");
            }
        }
    }

    private void checkUrl(Resource config, String hookName, String url, Reporter reporter) {
        Optional<String> host = WebhookUrls.hostname(url);
        if (host.isEmpty()) {
            reporter.report("InvalidExternalControlPlaneConfig", config, url, hookName, "was provided in an invalid format");
            return;
        }
        if (WebhookUrls.isIp(host.get())) {
            reporter.report("ExternalControlPlaneAddressIsNotAHostname", config, url, hookName);
            return;
        }
        // An empty host can never resolve; anything else needs DNS, which may not be at hand.
        HostResolver.Answer answer = host.get().isEmpty() ? HostResolver.Answer.DOES_NOT_RESOLVE : resolver.lookup(host.get());
        switch (answer) {
            case DOES_NOT_RESOLVE -> reporter.report("InvalidExternalControlPlaneConfig", config, url, hookName,
                    "cannot be resolved via a DNS lookup");
            case NO_ADDRESSES -> reporter.report("InvalidExternalControlPlaneConfig", config, url, hookName,
                    "resolves with zero IP addresses");
            default -> {
            }
        }
    }
}
