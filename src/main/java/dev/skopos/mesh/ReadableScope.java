package dev.skopos.mesh;

import dev.skopos.source.ClusterObjects;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import java.util.List;

/**
 * Mesh-wide work (analysis, runtime checks) reads every namespace; an identity that may list a
 * kind only in its team's namespaces still gets the namespace the user is scoped to, rather than
 * nothing. A kind forbidden there too fails as before.
 */
final class ReadableScope {

    private ReadableScope() {
    }

    /** The kind in all namespaces, else (forbidden, and the user is in one namespace) in {@code scoped}. */
    static List<KubeObject> list(ClusterObjects objects, ResourceKind kind, Scope scoped) {
        try {
            return objects.list(kind, Scope.ALL);
        } catch (SourceException e) {
            if (e.reason() != SourceException.Reason.FORBIDDEN || scoped.isAll()) {
                throw e;
            }
            return objects.list(kind, scoped);
        }
    }

    /** {@link Scope#ALL} when the kind may be listed there, else {@code scoped}. */
    static Scope widest(ClusterObjects objects, ResourceKind kind, Scope scoped) {
        if (scoped.isAll()) {
            return Scope.ALL;
        }
        try {
            objects.list(kind, Scope.ALL);
            return Scope.ALL;
        } catch (SourceException e) {
            return e.reason() == SourceException.Reason.FORBIDDEN ? scoped : Scope.ALL;
        }
    }
}
