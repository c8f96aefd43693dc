package dev.skopos.tui;

import dev.skopos.mesh.IstioConfigRef;
import dev.skopos.source.KubeObject;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import java.util.Optional;

/** {@code o}: from an Envoy object to the Istio object Envoy's metadata names. */
final class IstioObjects {

    private IstioObjects() {
    }

    static void open(Shell shell, String configPath) {
        if (configPath == null || configPath.isEmpty()) {
            shell.flash("Envoy recorded no Istio object for this (istio.config metadata is empty)", true);
            return;
        }
        Optional<IstioConfigRef> ref = IstioConfigRef.parse(configPath);
        if (ref.isEmpty()) {
            shell.flash("not an Istio object path: " + configPath, true);
            return;
        }
        Optional<ResourceKind> kind = ref.get().kind();
        if (kind.isEmpty()) {
            shell.flash(ref.get().label() + " is not a kind skopos reads yet", true);
            return;
        }
        try {
            Optional<KubeObject> found = shell.source().objects().list(kind.get(), Scope.of(ref.get().namespace()))
                    .stream().filter(o -> o.name().equals(ref.get().name())).findFirst();
            if (found.isPresent()) {
                shell.push(new ObjectView(found.get()));
            } else {
                shell.flash(ref.get().label() + " is named by Envoy but no longer exists", true);
            }
        } catch (SourceException e) {
            shell.flash(e.getMessage(), true);
        }
    }
}
