package dev.skopos.source.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RBAC in front of the mock API server, as a real one enforces it: SelfSubjectAccessReviews are
 * answered from the rules, and a LIST or WATCH the rules deny gets the API server's 403 Status, in
 * all namespaces or in one. Everything else goes on to {@code next} (CRUD, port-forwards).
 */
final class RbacDispatcher extends Dispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A collection: {@code /api/v1[/namespaces/NS]/PLURAL} or {@code /apis/G/V[/namespaces/NS]/PLURAL}, with a query. */
    private static final Pattern COLLECTION =
            Pattern.compile("/(?:api/v1|apis/[^/]+/[^/]+)(?:/namespaces/([^/?]+))?/([^/?]+)(?:\\?(.*))?");

    private final Dispatcher next;
    /** Plural → the namespaces it may be listed in; absent: everywhere; an empty set: nowhere. */
    private final Map<String, Set<String>> limited = new ConcurrentHashMap<>();
    private final List<String> collectionRequests = new CopyOnWriteArrayList<>();
    private volatile boolean reviewsForbidden;

    RbacDispatcher(Dispatcher next) {
        this.next = next;
    }

    void deny(String plural) {
        limited.put(plural, Set.of());
    }

    void allowOnlyIn(String plural, Set<String> namespaces) {
        limited.put(plural, Set.copyOf(namespaces));
    }

    /** The identity may not even ask: reviews answer 403, so only the LIST's own 403 tells. */
    void forbidAccessReviews() {
        reviewsForbidden = true;
    }

    /** {@code list pods in shop}, {@code watch secrets}: the LISTs and WATCHes that reached the server. */
    List<String> collectionRequests() {
        return collectionRequests;
    }

    boolean allows(String plural, String namespace) {
        Set<String> allowed = limited.get(plural);
        return allowed == null || namespace != null && allowed.contains(namespace);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        if ("POST".equals(request.getMethod()) && path.startsWith(MockCluster.SSAR_PATH)) {
            return review(request);
        }
        Matcher m = COLLECTION.matcher(path);
        if ("GET".equals(request.getMethod()) && m.matches()) {
            String namespace = m.group(1);
            String plural = m.group(2);
            String verb = m.group(3) != null && m.group(3).contains("watch=true") ? "watch" : "list";
            collectionRequests.add(verb + " " + plural + (namespace == null ? "" : " in " + namespace));
            if (!allows(plural, namespace)) {
                return forbidden(verb, plural, namespace);
            }
        }
        return next.dispatch(request);
    }

    private MockResponse review(RecordedRequest request) {
        if (reviewsForbidden) {
            return forbidden("create", "selfsubjectaccessreviews", null);
        }
        try {
            ObjectNode review = (ObjectNode) JSON.readTree(request.getUtf8Body());
            JsonNode attributes = review.path("spec").path("resourceAttributes");
            String namespace = attributes.path("namespace").asText("");
            boolean allowed = allows(attributes.path("resource").asText(), namespace.isEmpty() ? null : namespace);
            review.putObject("status").put("allowed", allowed);
            return new MockResponse().setResponseCode(201).setBody(JSON.writeValueAsString(review));
        } catch (java.io.IOException e) {
            return new MockResponse().setResponseCode(400);
        }
    }

    private static MockResponse forbidden(String verb, String plural, String namespace) {
        String where = namespace == null ? "at the cluster scope" : "in the namespace \"" + namespace + "\"";
        ObjectNode status = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1")
                .put("status", "Failure").put("reason", "Forbidden").put("code", 403)
                .put("message", plural + " is forbidden: User \"oncall\" cannot " + verb + " resource \""
                        + plural + "\" in API group \"\" " + where);
        return new MockResponse().setResponseCode(403).setBody(status.toString());
    }
}
