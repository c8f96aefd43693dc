package dev.skopos.source.live;

import dev.skopos.source.ResourceKind;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks the API server (SelfSubjectAccessReview) whether this identity may list and watch a kind,
 * in all namespaces or in one, before an informer starts: a forbidden informer would otherwise
 * retry its LIST forever and the user would see an empty table instead of the reason.
 */
final class AccessCheck {

    private static final Logger LOG = Logger.getLogger(AccessCheck.class.getName());
    /** An informer needs both: the initial LIST and the WATCH that follows it. */
    private static final List<String> VERBS = List.of("list", "watch");

    private AccessCheck() {
    }

    /**
     * The message to show when a verb is denied, or empty when everything is allowed or the answer
     * is unknown: if the review itself fails, the informer starts anyway and its own LIST tells the truth.
     *
     * @param namespace null to ask for all namespaces (cluster scope)
     */
    static Optional<String> denied(KubernetesClient client, ResourceKind kind, String namespace) {
        for (String verb : VERBS) {
            SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
                    .withNewSpec().withNewResourceAttributes()
                    .withVerb(verb).withGroup(kind.group()).withResource(kind.plural())
                    .withNamespace(namespace == null ? "" : namespace)
                    .endResourceAttributes().endSpec().build();
            try {
                SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
                if (answer != null && answer.getStatus() != null && Boolean.FALSE.equals(answer.getStatus().getAllowed())) {
                    return Optional.of(message(verb, kind, namespace));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "access review for " + kind.plural() + " failed; starting the informer anyway", e);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * {@code forbidden: needs list on pods in shop}; at cluster scope a namespaced kind adds the way
     * out (many identities may list pods only in their team's namespaces), a cluster-scoped kind has none.
     */
    static String message(String verb, ResourceKind kind, String namespace) {
        String needs = "forbidden: needs " + verb + " on " + kind.plural();
        if (namespace != null) {
            return needs + " in " + namespace;
        }
        return kind.namespaced() ? needs + " at cluster scope; try -n NAMESPACE" : needs;
    }
}
