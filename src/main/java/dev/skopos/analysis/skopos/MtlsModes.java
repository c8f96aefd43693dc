package dev.skopos.analysis.skopos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PeerAuthentication mode a workload's port ends up with, composed the way istiod does
 * (pilot/pkg/security/authn: mesh-wide → namespace-wide → workload selector → portLevelMtls, each
 * level overriding the one above unless it is UNSET; within a level the oldest policy wins; nothing at
 * all means PERMISSIVE).
 */
final class MtlsModes {

    /**
     * @param mode   STRICT, PERMISSIVE or DISABLE
     * @param source the PeerAuthentication that decided it; null for Istio's default (PERMISSIVE)
     */
    record Effective(String mode, Resource source) {

        boolean strict() {
            return mode.equals("STRICT");
        }

        String sourceName() {
            return source == null ? "(mesh default)" : source.namespace() + "/" + source.name();
        }
    }

    private MtlsModes() {
    }

    static Effective forWorkload(ResourceSnapshot snapshot, String namespace, Map<String, String> labels, int port) {
        Effective out = new Effective("PERMISSIVE", null);
        String root = snapshot.rootNamespace();
        out = apply(out, oldest(snapshot, root, p -> !hasSelector(p)), -1);
        if (!namespace.equals(root)) {
            out = apply(out, oldest(snapshot, namespace, p -> !hasSelector(p)), -1);
        }
        // Selector policies apply in their own namespace only (a root-namespace selector is not mesh-wide).
        return apply(out, oldest(snapshot, namespace, p -> hasSelector(p)
                && Pods.selects(p.spec().path("selector").path("matchLabels"), labels)), port);
    }

    private static Effective apply(Effective current, Optional<Resource> policy, int port) {
        if (policy.isEmpty()) {
            return current;
        }
        Effective out = current;
        String mode = policy.get().spec().path("mtls").path("mode").asText("UNSET");
        if (!mode.equals("UNSET")) {
            out = new Effective(mode, policy.get());
        }
        // portLevelMtls only counts on selector policies; keys are the workload's (container) ports.
        JsonNode portLevel = policy.get().spec().path("portLevelMtls").path(String.valueOf(port));
        String portMode = portLevel.path("mode").asText("UNSET");
        if (port > 0 && !portMode.equals("UNSET")) {
            out = new Effective(portMode, policy.get());
        }
        return out;
    }

    private static boolean hasSelector(Resource policy) {
        JsonNode labels = policy.spec().path("selector").path("matchLabels");
        return labels.isObject() && !labels.isEmpty();
    }

    private static Optional<Resource> oldest(ResourceSnapshot snapshot, String namespace,
                                             java.util.function.Predicate<Resource> filter) {
        List<Resource> candidates = snapshot.list("security.istio.io", "PeerAuthentication").stream()
                .filter(p -> p.namespace().equals(namespace)).filter(filter).toList();
        return candidates.stream().min(Comparator.comparing(Created::of).thenComparing(Resource::name));
    }
}
