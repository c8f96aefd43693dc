package dev.skopos.source.live;

import dev.skopos.source.LogStreams;
import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import dev.skopos.source.SourceException.Reason;
import dev.skopos.source.Subscription;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code kubectl logs -f --tail=N}: fabric8's log watch read line by line. Each tail has its own
 * daemon thread because reading blocks for as long as the container logs; a shared pool would be
 * drained by a handful of open tails. Once the user closes a tail, nothing more is delivered.
 */
public final class LiveLogStreams implements LogStreams {

    private final KubernetesClient client;

    public LiveLogStreams(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Subscription follow(PodRef pod, String container, int tailLines, Consumer<String> onLine,
                               Consumer<SourceException> onEnd) {
        AtomicBoolean open = new AtomicBoolean(true);
        AtomicReference<LogWatch> watch = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            SourceException end;
            try {
                end = read(pod, container, tailLines, onLine, open, watch);
            } catch (RuntimeException e) {
                end = failure(e, pod, container);
            }
            if (open.getAndSet(false)) {
                onEnd.accept(end);
            }
        }, "skopos-log " + pod + "/" + container);
        reader.setDaemon(true);
        reader.start();
        return () -> {
            if (open.getAndSet(false)) {
                LogWatch w = watch.get();
                if (w != null) {
                    w.close();
                }
                reader.interrupt();
            }
        };
    }

    private SourceException read(PodRef pod, String container, int tailLines, Consumer<String> onLine,
                                 AtomicBoolean open, AtomicReference<LogWatch> watch) {
        var resource = client.pods().inNamespace(pod.namespace()).withName(pod.name());
        // A refused log request ends the stream with no reason attached, so ask for the pod first.
        if (resource.get() == null) {
            return new SourceException(Reason.NOT_FOUND, "pod " + ForwardErrors.where(pod) + " not found");
        }
        LogWatch w = resource.inContainer(container).tailingLines(Math.max(0, tailLines)).watchLog();
        watch.set(w);
        if (!open.get()) {
            w.close();
            return null;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(w.getOutput(), StandardCharsets.UTF_8))) {
            String line;
            while (open.get() && (line = in.readLine()) != null) {
                onLine.accept(line);
            }
        } catch (IOException e) {
            if (open.get()) {
                return new SourceException(Reason.UNREACHABLE, "log of " + pod + "/" + container + " broke off: "
                        + SourceException.describe(e), e);
            }
        }
        // The stream ends the same way for a finished container and a refused request; the watch's
        // close reason tells them apart.
        Throwable reason;
        try {
            reason = w.onClose().toCompletableFuture().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            reason = null;
        }
        w.close();
        return reason == null ? null : failure(reason, pod, container);
    }

    private static SourceException failure(Throwable error, PodRef pod, String container) {
        if (error instanceof SourceException se) {
            return se;
        }
        if (error instanceof KubernetesClientException k) {
            String where = ForwardErrors.where(pod);
            switch (k.getCode()) {
                case 404:
                    return new SourceException(Reason.NOT_FOUND, "pod " + where + " not found", error);
                case 400:
                    // The API server says which: container not valid, or still ContainerCreating.
                    return new SourceException(Reason.NOT_FOUND, k.getStatus() != null && k.getStatus().getMessage() != null
                            ? k.getStatus().getMessage() : "container " + container + " of " + where + " has no log", error);
                case 401, 403:
                    return new SourceException(Reason.FORBIDDEN, "forbidden: needs get on pods/log", error);
                default:
                    break;
            }
        }
        return new SourceException(Reason.UNREACHABLE, "log of " + pod + "/" + container + ": "
                + SourceException.describe(error), error);
    }
}
