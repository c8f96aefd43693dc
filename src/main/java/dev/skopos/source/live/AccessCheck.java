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
 * Asks the API server (SelfSubjectAccessReview) whether this identity may list and watch a kind in
 * all namespaces, before an informer starts: a forbidden informer would otherwise retry its LIST
 * forever and the user would see an empty table instead of the reason.
 */
final class AccessCheck {

    private static final Logger LOG = Logger.getLogger(AccessCheck.class.getName());
    /** An informer needs both: the initial LIST and the WATCH that follows it. */
    private static final List<String> VERBS = List.of("list", "watch");

    private AccessCheck() {
    }

    /**
     * The message to show when a verb is denied ({@code forbidden: needs list on pods}), or empty
     * when everything is allowed or the answer is unknown: if the review itself fails, the informer
     * starts anyway and its own LIST tells the truth.
     */
    static Optional<String> denied(KubernetesClient client, ResourceKind kind) {
        for (String verb : VERBS) {
            SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
                    .withNewSpec().withNewResourceAttributes()
                    .withVerb(verb).withGroup(kind.group()).withResource(kind.plural()).withNamespace("")
                    .endResourceAttributes().endSpec().build();
            try {
                SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
                if (answer != null && answer.getStatus() != null && Boolean.FALSE.equals(answer.getStatus().getAllowed())) {
                    return Optional.of(message(verb, kind));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "access review for " + kind.plural() + " failed; starting the informer anyway", e);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static String message(String verb, ResourceKind kind) {
        return "forbidden: needs " + verb + " on " + kind.plural();
    }
}
