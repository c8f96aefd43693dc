package dev.skopos.render.config;

import dev.skopos.envoy.config.ClusterConfig;
import dev.skopos.envoy.config.ClusterConfig.ClusterTls;
import dev.skopos.envoy.config.ClusterKey;
import dev.skopos.envoy.config.EndpointConfig;
import dev.skopos.mesh.IstioConfigRef;
import dev.skopos.render.Cell;
import dev.skopos.render.Column;
import dev.skopos.render.Row;
import dev.skopos.render.Table;
import dev.skopos.render.Tone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clusters with istioctl's columns plus what a 503 hunt needs next to them: which DestinationRule
 * won, how the cluster talks TLS, and how many endpoints EDS gave it. Row ids are list indexes.
 */
public final class ClustersTable {

    private ClustersTable() {
    }

    /** @param endpoints EDS assignments (from {@code ?include_eds}); empty when not fetched */
    public static Table of(List<ClusterConfig> clusters, List<EndpointConfig> endpoints) {
        Map<String, Integer> counts = new HashMap<>();
        for (EndpointConfig e : endpoints) {
            counts.merge(e.clusterName(), e.endpoints().size(), Integer::sum);
        }
        boolean haveEds = !endpoints.isEmpty();
        List<Column> columns = List.of(
                Column.wide("SERVICE FQDN").shrinks(3, 20),
                Column.number("PORT"),
                Column.text("SUBSET").shrinks(2, 8),
                Column.text("DIRECTION").drops(2),
                Column.text("TYPE").drops(3),
                Column.text("DESTINATION RULE").shrinks(1, 12),
                Column.text("TLS").drops(4),
                Column.number("ENDPOINTS").drops(1));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            rows.add(row(i, clusters.get(i), haveEds, counts));
        }
        return new Table(columns, rows);
    }

    private static Row row(int i, ClusterConfig c, boolean haveEds, Map<String, Integer> counts) {
        ClusterKey key = c.key();
        String fqdn = key == null ? c.name() : key.fqdn();
        String port = key == null || key.port() == 0 ? "-" : Integer.toString(key.port());
        String subset = key == null || key.subset().isEmpty() ? "-" : key.subset();
        String direction = key == null || key.direction().isEmpty() ? "-" : key.direction();
        String dr = IstioConfigRef.parse(c.destinationRule()).map(r -> r.name() + "." + r.namespace()).orElse("");
        String tls = tls(c.tls());
        boolean eds = "EDS".equals(c.discoveryType());
        String edsName = c.edsServiceName().isEmpty() ? c.name() : c.edsServiceName();
        Integer count = eds && haveEds ? counts.getOrDefault(edsName, counts.getOrDefault(c.name(), 0)) : null;
        Tone countTone = count != null && count == 0 ? Tone.ERROR : Tone.NORMAL;
        Tone tlsTone = c.tls().mode() == ClusterTls.Mode.NONE && key != null && "outbound".equals(direction)
                ? Tone.WARN : Tone.NORMAL;
        List<Cell> cells = List.of(Cell.of(fqdn), Cell.of(port), Cell.of(subset), Cell.of(direction),
                Cell.of(c.discoveryType()), Cell.of(dr, Tone.LABEL), Cell.of(tls, tlsTone),
                Cell.of(count == null ? "-" : count.toString(), countTone));
        List<Comparable<?>> keys = List.of(fqdn, key == null ? -1 : key.port(), subset, direction, c.discoveryType(),
                dr, tls, count == null ? -1 : count);
        return new Row(Integer.toString(i), cells, keys, count != null && count == 0);
    }

    /** {@code ISTIO_MUTUAL}, {@code auto mTLS}, {@code TLS}, or {@code none}: plaintext. */
    public static String tls(ClusterTls tls) {
        return switch (tls.mode()) {
            case NONE -> "none";
            case TLS -> "TLS";
            case ISTIO_MUTUAL -> tls.auto() ? "auto mTLS" : "ISTIO_MUTUAL";
        };
    }
}
