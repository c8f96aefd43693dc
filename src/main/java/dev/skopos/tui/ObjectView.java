package dev.skopos.tui;

import dev.skopos.render.StyledLine;
import dev.skopos.render.YamlLines;
import java.util.List;
import dev.skopos.source.KubeObject;
import dev.skopos.source.PodRef;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;

/** {@code y}: a cluster object as YAML, redacted, searchable with {@code /}. */
final class ObjectView extends TextView {

    ObjectView(KubeObject object) {
        this(object, List.of());
    }

    /** The object's YAML, its findings first: what is wrong with it before what it says. */
    ObjectView(KubeObject object, List<StyledLine> findings) {
        super(object.name(), object.kind().kind().toLowerCase(java.util.Locale.ROOT) + " "
                + object.qualifiedName() + (object.cluster().isEmpty() ? "" : " in " + object.cluster()) + " (yaml)",
                concat(findings, YamlLines.of(object.raw())));
    }

    static ObjectView of(Shell shell, KubeObject object) {
        return new ObjectView(object, ObjectFindings.lines(ObjectFindings.about(shell, object.kind().kind(),
                object.namespace(), object.name()), shell.settings().keymap().primaryKeyLabel(
                dev.skopos.config.Action.FINDINGS)));
    }

    private static List<StyledLine> concat(List<StyledLine> a, List<StyledLine> b) {
        List<StyledLine> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static void openPod(Shell shell, PodRef pod) {
        try {
            shell.source().objects().list(ResourceKind.POD, Scope.of(pod.namespace())).stream()
                    .filter(o -> o.name().equals(pod.name()) && o.cluster().equals(pod.cluster()))
                    .findFirst()
                    .ifPresentOrElse(o -> shell.push(ObjectView.of(shell, o)),
                            () -> shell.flash("pod " + pod + " is gone", true));
        } catch (SourceException e) {
            shell.flash(e.getMessage(), true);
        }
    }
}
