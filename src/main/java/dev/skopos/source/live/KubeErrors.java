package dev.skopos.source.live;

import dev.skopos.source.SourceException;
import dev.skopos.source.SourceException.Reason;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Turns fabric8's failures into the {@link SourceException} a view shows: the HTTP status decides
 * the reason, and the message is one line naming what was being read. Nothing above this package
 * ever sees a {@link KubernetesClientException}.
 */
final class KubeErrors {

    private KubeErrors() {
    }

    static SourceException translate(Throwable error, String what) {
        Throwable t = unwrap(error);
        if (t instanceof SourceException s) {
            return s;
        }
        if (t instanceof KubernetesClientTimeoutException || t instanceof TimeoutException) {
            return new SourceException(Reason.TIMEOUT, what + ": no answer from the API server in time", t);
        }
        if (t instanceof KubernetesClientException k) {
            int code = k.getCode();
            if (code == 401) {
                return new SourceException(Reason.FORBIDDEN, what + ": unauthorized (credentials rejected or expired)", t);
            }
            if (code == 403) {
                return new SourceException(Reason.FORBIDDEN, what + ": forbidden", t);
            }
            if (code == 404) {
                return new SourceException(Reason.NOT_FOUND, what + ": not found", t);
            }
            // No HTTP status: the transport failed, and the cause says how ("Connection refused").
            Throwable cause = unwrap(k.getCause());
            if (code <= 0 && cause != null && cause != k) {
                return translate(cause, what);
            }
        }
        if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof IOException) {
            return new SourceException(Reason.UNREACHABLE, what + ": API server unreachable: "
                    + SourceException.describe(t), t);
        }
        return new SourceException(Reason.UNREACHABLE, what + ": " + SourceException.describe(t), t);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
