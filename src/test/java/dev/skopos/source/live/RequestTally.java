package dev.skopos.source.live;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every request the mock API server receives, classified the way API economy is judged: a LIST
 * (GET on a collection without {@code watch}), a WATCH, a port-forward (one per tunnel, to a pod's
 * port), or OTHER (discovery, access reviews, single-object reads, writes). Wraps the dispatcher
 * that answers, so nothing reaches the server uncounted.
 */
public final class RequestTally extends Dispatcher {

    public enum Kind { LIST, WATCH, PORT_FORWARD, OTHER }

    /** One request: its kind, method and path (with the query). */
    public record Request(Kind kind, String method, String path) {

        /** For a port-forward, {@code ns/pod:port}; else null. */
        public String forwardTarget() {
            Matcher m = PORT_FORWARD.matcher(path);
            return m.matches() ? m.group(1) + "/" + m.group(2) + ":" + m.group(3) : null;
        }
    }

    private static final Pattern PORT_FORWARD =
            Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/portforward\\?ports=(\\d+)");

    private final Dispatcher answering;
    private final List<Request> seen = new ArrayList<>();

    RequestTally(Dispatcher answering) {
        this.answering = answering;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        synchronized (seen) {
            seen.add(new Request(classify(request.getMethod(), path), request.getMethod(), path));
        }
        return answering.dispatch(request);
    }

    /** How many requests so far; a mark to count from. */
    public int mark() {
        synchronized (seen) {
            return seen.size();
        }
    }

    /** The requests since the mark, in arrival order. */
    public List<Request> since(int mark) {
        return between(mark, mark());
    }

    /** The requests between two marks, in arrival order. */
    public List<Request> between(int from, int to) {
        synchronized (seen) {
            return List.copyOf(seen.subList(from, to));
        }
    }

    /** Requests between two marks, counted by kind (every kind present, zeros included). */
    public Map<Kind, Integer> countsBetween(int from, int to) {
        Map<Kind, Integer> out = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            out.put(k, 0);
        }
        between(from, to).forEach(r -> out.merge(r.kind(), 1, Integer::sum));
        return out;
    }

    /**
     * Collections listed but not (yet) watched, by path: an informer between its first LIST and
     * its WATCH. Cutting the connection in that moment makes fabric8 fall back to a plain HTTP watch,
     * which a real API server serves and the mock cannot (it answers 400), so outages are staged
     * only once this is empty.
     */
    public java.util.Set<String> listedButNotWatched() {
        java.util.Set<String> pending = new java.util.TreeSet<>();
        for (Request r : since(0)) { // in order: a LIST opens a gap, the WATCH after it closes it
            String path = r.path().replaceFirst("\\?.*", "");
            if (r.kind() == Kind.LIST) {
                pending.add(path);
            } else if (r.kind() == Kind.WATCH) {
                pending.remove(path);
            }
        }
        return pending;
    }

    static Kind classify(String method, String pathAndQuery) {
        if (PORT_FORWARD.matcher(pathAndQuery).matches()) {
            return Kind.PORT_FORWARD;
        }
        if (!"GET".equals(method)) {
            return Kind.OTHER;
        }
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        if (!isCollection(path)) {
            return Kind.OTHER;
        }
        boolean watch = Arrays.stream(query.split("&")).anyMatch(p -> p.equals("watch=true") || p.equals("watch=1"));
        return watch ? Kind.WATCH : Kind.LIST;
    }

    /** {@code /api/v1[/namespaces/NS]/PLURAL} or {@code /apis/GROUP/VERSION[/namespaces/NS]/PLURAL}. */
    private static boolean isCollection(String path) {
        List<String> parts = new ArrayList<>(Arrays.asList(path.replaceFirst("^/", "").split("/")));
        int prefix = parts.isEmpty() ? 0 : parts.get(0).equals("api") ? 2 : parts.get(0).equals("apis") ? 3 : 0;
        if (prefix == 0 || parts.size() <= prefix) {
            return false; // discovery (/api, /apis/g/v) or not the resource API at all
        }
        List<String> rest = parts.subList(prefix, parts.size());
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            rest = rest.subList(2, rest.size());
        }
        return rest.size() == 1;
    }
}
