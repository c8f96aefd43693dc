package dev.skopos.tui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.mesh.IstioConfigRef;
import dev.skopos.source.KubeObject;
import dev.skopos.source.PodRef;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import java.util.Comparator;
import java.util.Optional;

/** {@code o}: from an Envoy object to the Istio object Envoy's metadata names. */
final class IstioObjects {

    private IstioObjects() {
    }

    /** @param proxy whose config named the object: in a multi-cluster view its own cluster's copy is opened */
    static void open(Shell shell, String configPath, PodRef proxy) {
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
                    .stream().filter(o -> o.name().equals(ref.get().name())).min(sameClusterFirst(proxy));
            if (found.isPresent()) {
                shell.push(ObjectView.of(shell, found.get()));
            } else {
                shell.flash(ref.get().label() + " is named by Envoy but no longer exists", true);
            }
        } catch (SourceException e) {
            shell.flash(e.getMessage(), true);
        }
    }

    /**
     * A cluster no DestinationRule touched still came from somewhere: the Service or ServiceEntry
     * Istio lists in the cluster's {@code istio.services} metadata. A ServiceEntry is found by
     * host, since its object name need not be the host.
     */
    static void openService(Shell shell, JsonNode clusterRaw, PodRef proxy) {
        JsonNode service = clusterRaw == null ? null
                : clusterRaw.path("metadata").path("filter_metadata").path("istio").path("services").path(0);
        if (service == null || service.isMissingNode()) {
            shell.flash("Envoy recorded no Istio object or service for this cluster", true);
            return;
        }
        String host = service.path("host").asText();
        String name = service.path("name").asText();
        String namespace = service.path("namespace").asText();
        try {
            Scope scope = Scope.of(namespace);
            Optional<KubeObject> entry = shell.source().objects().list(ResourceKind.SERVICE_ENTRY, scope).stream()
                    .filter(o -> hosts(o).contains(host)).min(sameClusterFirst(proxy));
            Optional<KubeObject> found = entry.isPresent() ? entry : shell.source().objects()
                    .list(ResourceKind.SERVICE, scope).stream().filter(o -> o.name().equals(name))
                    .min(sameClusterFirst(proxy));
            found.ifPresentOrElse(o -> shell.push(ObjectView.of(shell, o)),
                    () -> shell.flash("no Service or ServiceEntry for " + host + " in " + namespace, true));
        } catch (SourceException e) {
            shell.flash(e.getMessage(), true);
        }
    }

    /** Several clusters usually hold the same object: the proxy's own cluster's copy is the one that configured it. */
    private static Comparator<KubeObject> sameClusterFirst(PodRef proxy) {
        return Comparator.comparing(o -> !o.cluster().equals(proxy.cluster()));
    }

    private static java.util.List<String> hosts(KubeObject serviceEntry) {
        java.util.List<String> hosts = new java.util.ArrayList<>();
        serviceEntry.raw().path("spec").path("hosts").forEach(h -> hosts.add(h.asText()));
        return hosts;
    }
}
