package dev.skopos.tui;

import dev.skopos.render.YamlLines;
import dev.skopos.source.KubeObject;
import dev.skopos.source.PodRef;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;

/** {@code y}: a cluster object as YAML, redacted, searchable with {@code /}. */
final class ObjectView extends TextView {

    ObjectView(KubeObject object) {
        super(object.name(), object.kind().kind().toLowerCase(java.util.Locale.ROOT) + " "
                + object.qualifiedName() + " (yaml)", YamlLines.of(object.raw()));
    }

    static void openPod(Shell shell, PodRef pod) {
        try {
            shell.source().objects().list(ResourceKind.POD, Scope.of(pod.namespace())).stream()
                    .filter(o -> o.name().equals(pod.name()))
                    .findFirst()
                    .ifPresentOrElse(o -> shell.push(new ObjectView(o)),
                            () -> shell.flash("pod " + pod + " is gone", true));
        } catch (SourceException e) {
            shell.flash(e.getMessage(), true);
        }
    }
}
