package dev.skopos.source.live;

import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import dev.skopos.source.SourceException.Reason;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import java.util.Collection;
import java.util.Locale;

/**
 * Reads why a port-forward failed from the errors fabric8 keeps on it. Whoever connects to the
 * local end only sees the connection close; the reason is the API server refusing the upgrade
 * (404: no such pod, 401/403: RBAC) or the kubelet's error channel (nothing listens in the pod).
 */
final class ForwardErrors {

    private ForwardErrors() {
    }

    /** The failure the errors explain, or null when they explain nothing. */
    static SourceException explain(Collection<Throwable> errors, PodRef pod, int port, Throwable cause) {
        for (Throwable t : errors) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof WebSocketHandshakeException h) {
                    int code = h.getResponse() == null ? 0 : h.getResponse().code();
                    if (code == 404) {
                        return new SourceException(Reason.NOT_FOUND, "pod " + where(pod) + " not found", cause);
                    }
                    if (code == 401 || code == 403) {
                        return new SourceException(Reason.FORBIDDEN, "forbidden: needs create on pods/portforward", cause);
                    }
                    return new SourceException(Reason.UNREACHABLE, "port-forward to pod " + where(pod)
                            + " refused by the API server (HTTP " + code + ")", cause);
                }
                if (String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT).contains("connection refused")) {
                    return refused(pod, port, cause);
                }
            }
        }
        return null;
    }

    static SourceException refused(PodRef pod, int port, Throwable cause) {
        return new SourceException(Reason.UNREACHABLE, "pod " + where(pod) + ": nothing listens on port " + port
                + " (connection refused)", cause);
    }

    static String where(PodRef pod) {
        return pod.namespace() + "/" + pod.name();
    }
}
