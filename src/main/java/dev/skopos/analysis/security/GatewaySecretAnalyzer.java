package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * istioctl's gateway.SecretAnalyzer: a Gateway's credentialName is read from the namespace of the
 * proxy pods it selects (not the Gateway's own), so the selector must match a pod, the Secret must
 * exist there, and it must hold a usable, unexpired certificate.
 */
final class GatewaySecretAnalyzer implements Analyzer {

    private final Clock clock;

    GatewaySecretAnalyzer(Clock clock) {
        this.clock = clock;
    }

    GatewaySecretAnalyzer() {
        this(Clock.systemUTC());
    }

    @Override
    public String name() {
        return "gateway.SecretAnalyzer";
    }

    @Override
    public String description() {
        return "Checks a gateway's referenced secrets for correctness";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        for (Resource gateway : snapshot.list("networking.istio.io", "Gateway")) {
            Map<String, String> selector = WorkloadSelectors.labels(gateway.spec().path("selector"));
            // Like istioctl, assume all selected pods share a namespace and take the first one's.
            Optional<String> proxyNamespace = snapshot.list("", "Pod").stream()
                    .filter(p -> WorkloadSelectors.matches(selector, p.labels()))
                    .map(Resource::namespace).findFirst();
            if (proxyNamespace.isEmpty()) {
                reporter.report("ReferencedResourceNotFound", gateway, "selector", WorkloadSelectors.describe(selector));
                continue;
            }
            for (JsonNode server : gateway.spec().path("servers")) {
                String credential = server.path("tls").path("credentialName").asText("");
                if (credential.isEmpty()) {
                    continue;
                }
                Optional<Resource> secret = findSecret(snapshot, proxyNamespace.get(), credential);
                if (secret.isEmpty()) {
                    reporter.report("ReferencedResourceNotFound", gateway, "credentialName", credential);
                } else if (!GatewayCredentials.usable(secret.get().body(), clock.instant())) {
                    reporter.report("InvalidGatewayCredential", gateway, gateway.name(), proxyNamespace.get());
                }
            }
        }
    }

    /** A credentialName of {@code ns/name} names its namespace; a bare name lives beside the proxies. */
    private static Optional<Resource> findSecret(ResourceSnapshot snapshot, String namespace, String credential) {
        int slash = credential.indexOf('/');
        String ns = slash < 0 ? namespace : credential.substring(0, slash);
        String name = slash < 0 ? credential : credential.substring(slash + 1);
        return snapshot.find("", "Secret", ns, name);
    }
}
