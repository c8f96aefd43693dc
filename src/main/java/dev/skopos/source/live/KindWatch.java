package dev.skopos.source.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import dev.skopos.source.SourceException.Reason;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One kind's informer (a LIST, then a WATCH that fabric8 keeps re-opening) and the objects it
 * delivered, already converted to {@link KubeObject}s so a {@code list()} is a filter and a sort,
 * never a conversion of thousands of pods. One generic code path serves every kind, Istio's too.
 * It watches all namespaces, or one when the identity may only list there.
 */
final class KindWatch {

    private static final Logger LOG = Logger.getLogger(KindWatch.class.getName());
    private static final Comparator<KubeObject> ORDER =
            Comparator.comparing(KubeObject::namespace).thenComparing(KubeObject::name);
    /** Page size of the initial LIST, so a 10,000-pod cluster is read in pieces the server can serve. */
    private static final long PAGE = 500;

    private final ResourceKind kind;
    /** Null: all namespaces (or a cluster-scoped kind). */
    private final String namespace;
    private final Clock clock;
    private final Runnable changed;
    private final ConcurrentMap<String, KubeObject> objects = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> synced = new CompletableFuture<>();
    private final CompletableFuture<Void> failedBeforeSync = new CompletableFuture<>();
    private volatile SharedIndexInformer<GenericKubernetesResource> informer;
    private volatile String forbidden;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Instant lastEventAt;
    /** When the watch was last seen broken; null while it is up. */
    private volatile Instant disconnectedSince;
    private volatile boolean closed;
    private volatile boolean everWatched;
    /** System.nanoTime() of the last list(), so namespaced watches nobody reads can be stopped. */
    private volatile long lastUsedNanos = System.nanoTime();

    KindWatch(ResourceKind kind, String namespace, Clock clock, Runnable changed) {
        this.kind = kind;
        this.namespace = namespace;
        this.clock = clock;
        this.changed = changed;
    }

    ResourceKind kind() {
        return kind;
    }

    /** The one namespace watched, or null for all. */
    String namespace() {
        return namespace;
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    /** True once this all-namespaces watch turned out forbidden: one namespace may still be allowed. */
    boolean deniedAtClusterScope() {
        return namespace == null && forbidden != null;
    }

    /** Completes when the first LIST is in (or the kind turned out forbidden). */
    CompletableFuture<Void> synced() {
        return synced;
    }

    /**
     * Completes when the first LIST failed (after the client's retries) for a reason that will not
     * mend in seconds (refused, unauthorized; not a timeout); the informer keeps trying, but a
     * one-shot command should say why now rather than wait out its timeout.
     */
    CompletableFuture<Void> failedBeforeSync() {
        return failedBeforeSync;
    }

    /** Checks access, then starts the informer; called once, off the caller's thread. */
    void start(KubernetesClient client) {
        String denied = AccessCheck.denied(client, kind, namespace).orElse(null);
        if (denied != null) {
            forbidden = denied;
            synced.complete(null);
            changed.run(); // views re-read and show why (or fall back to a namespace)
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
                    .withGroup(kind.group()).withVersion(kind.version()).withKind(kind.kind())
                    .withPlural(kind.plural()).withNamespaced(kind.namespaced()).build();
            var resources = client.genericKubernetesResources(context);
            KubernetesSerialization serialization = client.getKubernetesSerialization();
            SharedIndexInformer<GenericKubernetesResource> i = (namespace != null
                    ? resources.inNamespace(namespace).withLimit(PAGE)
                    : kind.namespaced() ? resources.inAnyNamespace().withLimit(PAGE)
                    : resources.withLimit(PAGE)).runnableInformer(0);
            i.addEventHandler(new Handler(serialization));
            i.exceptionHandler(this::onException);
            informer = i;
            i.start().whenComplete((ok, error) -> {
                if (error != null) {
                    record(error);
                    if (isForbidden(error)) {
                        forbidden = AccessCheck.message("list", kind, namespace);
                    }
                } else {
                    // The event handler runs behind the store: take the first LIST from the store, so
                    // "synced" means every listed object is here (one-shot commands print right after).
                    for (GenericKubernetesResource r : i.getStore().list()) {
                        objects.putIfAbsent(key(r), convert(r, serialization));
                    }
                }
                synced.complete(null);
                changed.run();
            });
        }
    }

    /**
     * fabric8 asks here after a failed LIST or a watch that closed with an error (after its own
     * reconnect attempts). True keeps the informer alive: it re-lists and re-watches with backoff.
     * Only a 403 (the identity lost access) ends it, since retrying cannot help.
     */
    private boolean onException(boolean started, Throwable error) {
        record(error);
        if (isForbidden(error)) {
            forbidden = AccessCheck.message("list", kind, namespace);
            synced.complete(null);
            changed.run();
            return false;
        }
        return !closed;
    }

    /** A 403 anywhere in the chain: fabric8 wraps the LIST's failure in informer and future exceptions. */
    private static boolean isForbidden(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KubernetesClientException k && k.getCode() == 403) {
                return true;
            }
        }
        return false;
    }

    private void record(Throwable error) {
        SourceException failure = KubeErrors.translate(error, kind.plural());
        lastError = failure.getMessage();
        lastErrorAt = clock.instant();
        if (disconnectedSince == null) {
            disconnectedSince = lastErrorAt;
        }
        // A refused connection or rejected credentials will not heal in the next seconds: waiters
        // may give up. A slow answer might: they keep waiting (bounded) while the informer retries.
        if (!synced.isDone() && failure.reason() != Reason.TIMEOUT) {
            failedBeforeSync.complete(null);
        }
        LOG.log(Level.FINE, "informer for " + describe() + ": " + lastError, error);
    }

    /** The cached objects in scope, sorted; throws FORBIDDEN when the kind may not be listed. */
    List<KubeObject> list(Scope scope) {
        lastUsedNanos = System.nanoTime();
        String f = forbidden;
        if (f != null) {
            throw new SourceException(Reason.FORBIDDEN, f);
        }
        return objects.values().stream().filter(o -> scope.includes(o.namespace())).sorted(ORDER).toList();
    }

    /** This kind's part of the health record. */
    Health health() {
        SharedIndexInformer<GenericKubernetesResource> i = informer;
        boolean watching = i != null && i.isWatching();
        if (watching) {
            everWatched = true;
        }
        // A kind still starting (no error, never watched yet) is not an outage: findings start a
        // dozen informers at once and the banner must not flash "watch lost" while they LIST.
        boolean starting = !everWatched && lastError == null;
        boolean up = forbidden != null || watching || starting;
        if (up) {
            disconnectedSince = null;
        } else if (i != null && disconnectedSince == null && synced.isDone()) {
            disconnectedSince = clock.instant();
        }
        return new Health(up, disconnectedSince, lastEventAt, lastError, lastErrorAt);
    }

    /** {@code pods}, or {@code pods in shop} for a namespaced watch: for logs and tests. */
    String describe() {
        return namespace == null ? kind.plural() : kind.plural() + " in " + namespace;
    }

    boolean isRunning() {
        SharedIndexInformer<GenericKubernetesResource> i = informer;
        return i != null && i.isRunning();
    }

    synchronized void close() {
        closed = true;
        SharedIndexInformer<GenericKubernetesResource> i = informer;
        if (i != null) {
            i.stop();
        }
        synced.complete(null);
    }

    private KubeObject convert(GenericKubernetesResource resource, KubernetesSerialization serialization) {
        JsonNode raw = serialization.convertValue(resource, JsonNode.class);
        if (raw instanceof ObjectNode o && (!o.hasNonNull("apiVersion") || !o.hasNonNull("kind"))) {
            // List answers drop kind and apiVersion from their items; kubectl -o json shows them.
            o.put("apiVersion", kind.apiVersion());
            o.put("kind", kind.kind());
        }
        ObjectMeta meta = resource.getMetadata();
        return new KubeObject(kind, meta.getNamespace(), meta.getName(), meta.getLabels(), meta.getAnnotations(),
                created(meta.getCreationTimestamp()), raw);
    }

    private static Instant created(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean sameVersion(KubeObject had, GenericKubernetesResource obj) {
        String version = obj.getMetadata().getResourceVersion();
        return version != null && version.equals(had.raw().path("metadata").path("resourceVersion").asText(null));
    }

    private static String key(GenericKubernetesResource r) {
        String ns = r.getMetadata().getNamespace();
        return ns == null ? r.getMetadata().getName() : ns + "/" + r.getMetadata().getName();
    }

    private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {

        private final KubernetesSerialization serialization;

        Handler(KubernetesSerialization serialization) {
            this.serialization = serialization;
        }

        @Override
        public void onAdd(GenericKubernetesResource obj) {
            KubeObject had = objects.get(key(obj));
            if (had != null && sameVersion(had, obj)) {
                return; // copied from the store when the first LIST landed: converting it again is wasted work
            }
            objects.put(key(obj), convert(obj, serialization));
            event();
        }

        @Override
        public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
            if (oldObj != null && newObj.getMetadata().getResourceVersion() != null
                    && newObj.getMetadata().getResourceVersion().equals(oldObj.getMetadata().getResourceVersion())) {
                return; // a relist that found nothing new
            }
            objects.put(key(newObj), convert(newObj, serialization));
            event();
        }

        @Override
        public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
            objects.remove(key(obj));
            event();
        }

        private void event() {
            lastEventAt = clock.instant();
            disconnectedSince = null;
            changed.run();
        }
    }
}
