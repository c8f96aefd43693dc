package dev.skopos.tui;

import dev.skopos.analysis.Diagnostic;
import dev.skopos.render.FindingsTable;
import dev.skopos.render.Span;
import dev.skopos.render.StyledLine;
import dev.skopos.render.Tone;
import dev.skopos.source.PodRef;
import java.util.ArrayList;
import java.util.List;

/** The findings about one object (or one proxy's pod and workload), as lines for its detail pane. */
final class ObjectFindings {

    private ObjectFindings() {
    }

    static List<Diagnostic> about(Shell shell, String kind, String namespace, String name) {
        return shell.findings().all().stream().filter(d -> d.resource() != null
                && d.resource().kind().equals(kind) && d.resource().name().equals(name)
                && d.resource().namespace().equals(namespace.isEmpty() ? d.resource().namespace() : namespace))
                .toList();
    }

    /** A proxy's pod, and the Deployment (or other owner) whose pods carry the pod's name prefix. */
    static List<Diagnostic> aboutProxy(Shell shell, PodRef pod) {
        return shell.findings().all().stream().filter(d -> d.resource() != null
                && d.resource().namespace().equals(pod.namespace())
                && ((d.resource().kind().equals("Pod") && d.resource().name().equals(pod.name()))
                || (isOwnerKind(d.resource().kind()) && pod.name().startsWith(d.resource().name() + "-"))))
                .toList();
    }

    private static boolean isOwnerKind(String kind) {
        return kind.equals("Deployment") || kind.equals("StatefulSet") || kind.equals("DaemonSet")
                || kind.equals("ReplicaSet");
    }

    static List<StyledLine> lines(List<Diagnostic> findings, String key) {
        List<StyledLine> out = new ArrayList<>();
        if (findings.isEmpty()) {
            return out;
        }
        out.add(StyledLine.of(new Span("FINDINGS (" + findings.size() + ")" + (key == null ? "" : "  " + key
                + ": all findings"), Tone.HEADING)));
        for (Diagnostic d : findings) {
            out.add(new StyledLine(List.of(new Span(" " + d.level().label() + " ", FindingsTable.tone(d.level())),
                    new Span(d.code() + " ", Tone.LABEL), Span.of(d.message())), 3));
        }
        out.add(StyledLine.EMPTY);
        return out;
    }
}
