package dev.skopos.istiod;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the HTTP {@code /debug/syncz} list that istiod answered on port 15014 before the xDS debug
 * type existed: one object per proxy with the nonce istiod last sent and the one the proxy last
 * acknowledged, per type. Sync state follows istioctl's rules for that format.
 */
final class HttpSyncz {

    /** The per-type field prefixes, in display order. */
    private static final List<String[]> TYPES = List.of(
            new String[] {"cluster", "CDS"},
            new String[] {"listener", "LDS"},
            new String[] {"endpoint", "EDS"},
            new String[] {"route", "RDS"},
            new String[] {"extensionconfig", "ECDS"});

    private HttpSyncz() {
    }

    static List<ProxySync> read(String what, JsonNode root, String istiod) {
        if (root.isNull()) {
            return List.of(); // Go marshals an empty slice declared as nil this way
        }
        if (!root.isArray()) {
            throw new SynczParseException(what + ": expected a JSON list of proxies");
        }
        List<ProxySync> out = new ArrayList<>();
        for (JsonNode proxy : root) {
            // ztunnel only subscribes to the ambient types, so the Envoy ones are not its business.
            boolean ztunnel = "ztunnel".equalsIgnoreCase(proxy.path("proxy_type").asText(""));
            List<TypeSync> types = new ArrayList<>();
            for (String[] type : TYPES) {
                types.add(typeSync(type[1], proxy.path(type[0] + "_sent").asText(""),
                        proxy.path(type[0] + "_acked").asText(""), ztunnel));
            }
            String version = proxy.path("istio_version").asText("");
            if (version.isEmpty()) {
                // Very old istiods do not know the Istio version; istioctl marks the proxy's own with '*'.
                version = proxy.path("proxy_version").asText("") + "*";
            }
            out.add(new ProxySync(SynczParser.proxyId(proxy.path("proxy").asText("")),
                    proxy.path("cluster_id").asText(""), istiod, version, types));
        }
        return out;
    }

    private static TypeSync typeSync(String shortName, String sent, String acked, boolean ztunnel) {
        String typeUrl = XdsTypes.typeUrl(shortName);
        if (sent.isEmpty()) {
            return new TypeSync(typeUrl, shortName, ztunnel ? SyncState.IGNORED : SyncState.NOT_SENT, null, null, null);
        }
        if (sent.equals(acked)) {
            return new TypeSync(typeUrl, shortName, SyncState.SYNCED, null, null, null);
        }
        // Nonces are random ids, so nothing tells how far behind an acknowledged-but-old one is.
        String detail = acked.isEmpty() ? "STALE (Never Acknowledged)" : null;
        return new TypeSync(typeUrl, shortName, SyncState.STALE, detail, null, null);
    }
}
