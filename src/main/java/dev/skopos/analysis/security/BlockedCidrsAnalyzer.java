package dev.skopos.analysis.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Reporter;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.List;

/**
 * istioctl's authn.BlockedCIDRsAnalyzer: once RequestAuthentication resources exist, istiod fetches
 * their JWKS URIs, so each istiod Deployment should restrict where with BLOCKED_CIDRS_IN_JWKS_URIS.
 */
final class BlockedCidrsAnalyzer implements Analyzer {

    static final String ENV = "BLOCKED_CIDRS_IN_JWKS_URIS";

    /** How many RequestAuthentication names the message lists before summarising the rest. */
    private static final int SHOWN = 5;

    @Override
    public String name() {
        return "authn.BlockedCIDRsAnalyzer";
    }

    @Override
    public String description() {
        return "Checks that BLOCKED_CIDRS_IN_JWKS_URIS is configured on istiod when RequestAuthentication resources exist";
    }

    @Override
    public void analyze(ResourceSnapshot snapshot, Reporter reporter) {
        List<String> names = snapshot.list("security.istio.io", "RequestAuthentication").stream()
                .map(Resource::fullName).toList();
        if (names.isEmpty()) {
            return;
        }
        for (Resource deployment : snapshot.list("apps", "Deployment")) {
            if ("istiod".equals(deployment.labels().get("app")) && !configured(deployment)) {
                reporter.report("JwksUriFetchUnrestricted", deployment, names.size(), summary(names));
            }
        }
    }

    private static boolean configured(Resource deployment) {
        for (JsonNode container : deployment.spec().path("template").path("spec").path("containers")) {
            for (JsonNode env : container.path("env")) {
                if (ENV.equals(env.path("name").asText()) && !env.path("value").asText("").isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    static String summary(List<String> names) {
        if (names.size() <= SHOWN) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, SHOWN)) + ", and " + (names.size() - SHOWN) + " more";
    }
}
