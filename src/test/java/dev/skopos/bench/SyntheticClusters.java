package dev.skopos.bench;

import static dev.skopos.bench.SyntheticDump.cluster;
import static dev.skopos.bench.SyntheticDump.host;
import static dev.skopos.bench.SyntheticDump.namespace;
import static dev.skopos.bench.SyntheticDump.port;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * The cluster (CDS) section of {@link SyntheticDump}: the bootstrap's static clusters, Istio's
 * catch-all clusters, then four EDS clusters per service (two ports, with and without a subset),
 * with Istio's metadata, circuit breakers, outlier detection on subsets and auto-mTLS transport
 * socket matches, as istiod generates them.
 */
final class SyntheticClusters {

    private final SyntheticDump d;
    private final JsonGenerator g;

    SyntheticClusters(SyntheticDump dump) {
        this.d = dump;
        this.g = dump.g;
    }

    void clusters(SyntheticDump.Counts counts) throws IOException {
        g.writeStartObject();
        g.writeStringField("@type", SyntheticDump.ADMIN + "ClustersConfigDump");
        g.writeStringField("version_info", SyntheticDump.VERSION);
        g.writeArrayFieldStart("static_clusters");
        for (String name : SyntheticDump.STATIC_CLUSTERS) {
            g.writeStartObject();
            g.writeObjectFieldStart("cluster");
            g.writeStringField("@type", "type.googleapis.com/envoy.config.cluster.v3.Cluster");
            g.writeStringField("name", name);
            g.writeStringField("type", name.equals("zipkin") ? "STRICT_DNS" : "STATIC");
            g.writeStringField("connect_timeout", "1s");
            g.writeEndObject();
            g.writeStringField("last_updated", SyntheticDump.UPDATED);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("dynamic_active_clusters");
        for (String name : SyntheticDump.SPECIAL_CLUSTERS) {
            writeCluster(name, name.equals("BlackHoleCluster") ? "STATIC" : "ORIGINAL_DST", -1, "");
        }
        // The rest: four clusters per service (two ports, with and without a subset).
        for (int i = 0; i < counts.dynamicClusters() - SyntheticDump.SPECIAL_CLUSTERS.length; i++) {
            int service = i / 4;
            String subset = i % 2 == 0 ? "" : "v" + (1 + service % 3);
            writeCluster(cluster("outbound", port(service, (i / 2) % 2), subset, service), "EDS", service, subset);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeCluster(String name, String type, int service, String subset) throws IOException {
        g.writeStartObject();
        g.writeStringField("version_info", SyntheticDump.VERSION);
        g.writeObjectFieldStart("cluster");
        g.writeStringField("@type", "type.googleapis.com/envoy.config.cluster.v3.Cluster");
        g.writeStringField("name", name);
        g.writeStringField("type", type);
        if (type.equals("EDS")) {
            g.writeObjectFieldStart("eds_cluster_config");
            d.adsSource("eds_config");
            g.writeStringField("service_name", name);
            g.writeEndObject();
        }
        g.writeStringField("connect_timeout", "10s");
        g.writeStringField("lb_policy", type.equals("ORIGINAL_DST") ? "CLUSTER_PROVIDED" : "LEAST_REQUEST");
        g.writeObjectFieldStart("circuit_breakers");
        g.writeArrayFieldStart("thresholds");
        g.writeStartObject();
        for (String f : new String[] {"max_connections", "max_pending_requests", "max_requests", "max_retries"}) {
            g.writeNumberField(f, 4294967295L);
        }
        g.writeBooleanField("track_remaining", true);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        if (service >= 0) {
            if (!subset.isEmpty()) {
                g.writeObjectFieldStart("outlier_detection");
                g.writeNumberField("consecutive_5xx", 1 + d.random.nextInt(10));
                g.writeStringField("interval", (1 + d.random.nextInt(30)) + "s");
                g.writeStringField("base_ejection_time", "30s");
                g.writeNumberField("max_ejection_percent", 100);
                g.writeEndObject();
            }
            istioMetadata(service, subset);
            transportSocketMatches(name);
        }
        g.writeEndObject();
        g.writeStringField("last_updated", SyntheticDump.UPDATED);
        g.writeEndObject();
    }

    private void istioMetadata(int service, String subset) throws IOException {
        g.writeObjectFieldStart("metadata");
        g.writeObjectFieldStart("filter_metadata");
        g.writeObjectFieldStart("istio");
        if (!subset.isEmpty()) {
            g.writeStringField("config", "/apis/networking.istio.io/v1/namespaces/" + namespace(service)
                    + "/destination-rule/svc-" + service);
            g.writeStringField("subset", subset);
        }
        g.writeArrayFieldStart("services");
        g.writeStartObject();
        g.writeStringField("host", host(service));
        g.writeStringField("name", "svc-" + service);
        g.writeStringField("namespace", namespace(service));
        g.writeEndObject();
        g.writeEndArray();
        g.writeNumberField("default_original_port", port(service, 0));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Istio's auto mTLS: Istio's SDS certificates for {@code tlsMode: istio} endpoints, plaintext otherwise. */
    private void transportSocketMatches(String name) throws IOException {
        g.writeArrayFieldStart("transport_socket_matches");
        g.writeStartObject();
        g.writeStringField("name", "tlsMode-istio");
        g.writeObjectFieldStart("match");
        g.writeStringField("tlsMode", "istio");
        g.writeEndObject();
        g.writeObjectFieldStart("transport_socket");
        g.writeStringField("name", "envoy.transport_sockets.tls");
        g.writeObjectFieldStart("typed_config");
        g.writeStringField("@type", "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext");
        g.writeObjectFieldStart("common_tls_context");
        g.writeArrayFieldStart("tls_certificate_sds_secret_configs");
        sdsSecret("default");
        g.writeEndArray();
        g.writeObjectFieldStart("combined_validation_context");
        g.writeFieldName("validation_context_sds_secret_config");
        sdsSecret("ROOTCA");
        g.writeEndObject();
        g.writeEndObject();
        String[] parts = name.split("\\|", 4);
        g.writeStringField("sni", "outbound_." + parts[1] + "_." + parts[2] + "_." + parts[3]);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeStartObject();
        g.writeStringField("name", "tlsMode-disabled");
        g.writeObjectFieldStart("match");
        g.writeEndObject();
        g.writeObjectFieldStart("transport_socket");
        g.writeStringField("name", "envoy.transport_sockets.raw_buffer");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
    }

    private void sdsSecret(String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        d.adsSource("sds_config");
        g.writeEndObject();
    }
}
