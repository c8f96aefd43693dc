package dev.skopos.mesh.explain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.Resource;
import dev.skopos.analysis.ResourceSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a client's Envoy has no config at all for a host: the client namespace's Sidecar limits its
 * egress to other namespaces, or the Service or VirtualService is not exported to the client's
 * namespace. Istio then never sends the routes, so no weights can apply.
 */
final class ScopeEvidence {

    private ScopeEvidence() {
    }

    static List<Evidence> of(ResourceSnapshot snapshot, String clientNamespace, Resource vs, Resource service,
                             String host) {
        List<Evidence> out = new ArrayList<>();
        String hostNamespace = service != null ? service.namespace() : vs.namespace();
        for (Resource sidecar : snapshot.list("networking.istio.io", "Sidecar")) {
            boolean applies = sidecar.namespace().equals(clientNamespace) && sidecar.spec().path("workloadSelector").isMissingNode()
                    || sidecar.namespace().equals(snapshot.rootNamespace()) && sidecar.spec().path("workloadSelector").isMissingNode();
            if (!applies) {
                continue;
            }
            List<String> hosts = new ArrayList<>();
            for (JsonNode egress : sidecar.spec().path("egress")) {
                egress.path("hosts").forEach(h -> hosts.add(h.asText()));
            }
            if (hosts.isEmpty()) {
                continue;
            }
            boolean allowed = hosts.stream().anyMatch(h -> admits(h, clientNamespace, hostNamespace, host));
            out.add(new Evidence("Sidecar " + sidecar.fullName(), "spec.egress[*].hosts", String.join(", ", hosts)
                    + (allowed ? " (admits " + host + ")" : " (does not admit " + hostNamespace + "/" + host + ")"), !allowed));
        }
        exportTo(service, "Service", clientNamespace, out);
        exportTo(vs, "VirtualService", clientNamespace, out);
        return out;
    }

    /** Sidecar egress hosts are {@code namespace/dnsName}; {@code .} is the Sidecar's own namespace. */
    static boolean admits(String egressHost, String sidecarNamespace, String hostNamespace, String host) {
        int slash = egressHost.indexOf('/');
        String ns = slash < 0 ? "*" : egressHost.substring(0, slash);
        String name = slash < 0 ? egressHost : egressHost.substring(slash + 1);
        boolean nsOk = ns.equals("*") || ns.equals(hostNamespace) || (ns.equals(".") && sidecarNamespace.equals(hostNamespace));
        boolean nameOk = name.equals("*") || name.equals(host) || (name.startsWith("*.") && host.endsWith(name.substring(1)));
        return nsOk && nameOk;
    }

    private static void exportTo(Resource r, String what, String clientNamespace, List<Evidence> out) {
        if (r == null) {
            return;
        }
        JsonNode export = r.kind().equals("Service")
                ? r.annotations().containsKey("networking.istio.io/exportTo")
                ? null : r.spec().path("exportTo")
                : r.spec().path("exportTo");
        List<String> scopes = new ArrayList<>();
        if (export == null) {
            for (String s : r.annotations().get("networking.istio.io/exportTo").split(",")) {
                scopes.add(s.strip());
            }
        } else {
            export.forEach(e -> scopes.add(e.asText()));
        }
        if (scopes.isEmpty()) {
            return;
        }
        boolean visible = scopes.contains("*") || scopes.contains(clientNamespace)
                || (scopes.contains(".") && r.namespace().equals(clientNamespace));
        out.add(new Evidence(what + " " + r.fullName(), "exportTo", String.join(", ", scopes)
                + (visible ? "" : " (not visible in " + clientNamespace + ")"), !visible));
    }
}
