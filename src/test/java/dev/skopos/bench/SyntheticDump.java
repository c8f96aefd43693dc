package dev.skopos.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a large synthetic Envoy {@code /config_dump} in the v3 admin shape an Istio sidecar
 * answers: bootstrap, clusters (CDS), listeners (LDS), routes (RDS) and SDS secrets. It exists to
 * measure skopos against jq on mesh-sized input (issue 3, item 5), so it streams with a
 * {@link JsonGenerator} (a 50 MB dump never sits in memory as a tree) and uses a fixed seed
 * (two runs give the same bytes, so numbers from different days compare).
 *
 * <p>Run from the test classes: {@code java -cp target/test-classes:target/skopos.jar
 * dev.skopos.bench.SyntheticDump OUT.json [SCALE]}; scale 1 is 10,000 clusters, 5,000 listeners and
 * 5,000 route configs, 56.6 MB pretty-printed as Envoy prints it.
 */
public final class SyntheticDump {

    static final String ADMIN = "type.googleapis.com/envoy.admin.v3.";
    static final String VERSION = "2025-06-01T09:30:00Z/1742";
    static final String UPDATED = "2025-06-01T09:30:00.123Z";
    static final int NAMESPACES = 50;
    /** The bootstrap's static clusters; Envoy lists them under {@code static_clusters}. */
    static final String[] STATIC_CLUSTERS = {"prometheus_stats", "agent", "sds-grpc", "xds-grpc", "zipkin"};
    /** Istio's catch-all clusters, dynamic but not {@code direction|port|subset|host} keyed. */
    static final String[] SPECIAL_CLUSTERS = {"BlackHoleCluster", "PassthroughCluster", "InboundPassthroughCluster"};

    /** What a dump holds; {@code clusters} counts static and dynamic ones. */
    public record Counts(int clusters, int listeners, int routes, int secrets) {

        public static Counts at(double scale) {
            if (!(scale > 0)) {
                throw new IllegalArgumentException("scale must be positive: " + scale);
            }
            int clusters = (int) Math.round(10_000 * scale);
            return new Counts(Math.max(clusters, STATIC_CLUSTERS.length + SPECIAL_CLUSTERS.length + 4),
                    Math.max(1, (int) Math.round(5_000 * scale)), Math.max(1, (int) Math.round(5_000 * scale)), 2);
        }

        int dynamicClusters() {
            return clusters - STATIC_CLUSTERS.length;
        }
    }

    final JsonGenerator g;
    final SplittableRandom random = new SplittableRandom(20250601L);

    private SyntheticDump(JsonGenerator g) {
        this.g = g;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SyntheticDump OUT.json [SCALE]   (scale 1: 10000 clusters, 56.6 MB)");
            System.exit(2);
        }
        Counts counts = Counts.at(args.length == 2 ? Double.parseDouble(args[1]) : 1.0);
        Path out = Path.of(args[0]);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            write(os, counts);
        }
        System.out.printf("%s: %d bytes, %d clusters, %d listeners, %d routes, %d secrets%n", out, Files.size(out),
                counts.clusters(), counts.listeners(), counts.routes(), counts.secrets());
    }

    /** Writes the whole dump to {@code out} (left open). */
    public static void write(OutputStream out, Counts counts) throws IOException {
        // Envoy pretty-prints /config_dump as protobuf's JSON printer does: one-space indents,
        // "key": value, and {} for empty messages.
        DefaultPrettyPrinter pretty = new EnvoyPrettyPrinter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.setPrettyPrinter(pretty);
            new SyntheticDump(g).dump(counts);
            g.writeRaw('\n');
        }
    }

    /** Jackson's printer with protobuf's layout; one instance per generator (it counts nesting). */
    private static final class EnvoyPrettyPrinter extends DefaultPrettyPrinter {

        EnvoyPrettyPrinter() {
            super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            indentObjectsWith(new DefaultIndenter(" ", "\n"));
            indentArraysWith(new DefaultIndenter(" ", "\n"));
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            _nesting--;
            if (entries > 0) {
                _objectIndenter.writeIndentation(g, _nesting);
            }
            g.writeRaw('}');
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new EnvoyPrettyPrinter();
        }
    }

    private void dump(Counts counts) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("configs");
        bootstrap();
        new SyntheticClusters(this).clusters(counts);
        new SyntheticXds(this).listeners(counts.listeners());
        new SyntheticXds(this).routes(counts.routes());
        secrets();
        g.writeEndArray();
        g.writeEndObject();
    }

    // ---- names shared by clusters, listeners and routes, so the dump hangs together ----

    static String host(int service) {
        return "svc-" + service + ".ns-" + (service % NAMESPACES) + ".svc.cluster.local";
    }

    static String namespace(int service) {
        return "ns-" + (service % NAMESPACES);
    }

    /** Each service has two ports; port 1 varies so route names and listener ports spread out. */
    static int port(int service, int which) {
        return which == 0 ? 80 : 8000 + service % 100;
    }

    static String cluster(String direction, int port, String subset, int service) {
        return direction + "|" + port + "|" + subset + "|" + host(service);
    }

    static String accessLogFormat() {
        return "[%START_TIME%] \"%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%\" %RESPONSE_CODE% "
                + "%RESPONSE_FLAGS% %RESPONSE_CODE_DETAILS% %CONNECTION_TERMINATION_DETAILS% "
                + "\"%UPSTREAM_TRANSPORT_FAILURE_REASON%\" %BYTES_RECEIVED% %BYTES_SENT% %DURATION% "
                + "\"%REQ(X-FORWARDED-FOR)%\" \"%REQ(USER-AGENT)%\" \"%REQ(X-REQUEST-ID)%\" \"%REQ(:AUTHORITY)%\" "
                + "\"%UPSTREAM_HOST%\" %UPSTREAM_CLUSTER_RAW% %UPSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_LOCAL_ADDRESS% "
                + "%DOWNSTREAM_REMOTE_ADDRESS% %REQUESTED_SERVER_NAME% %ROUTE_NAME%\n";
    }

    void accessLog() throws IOException {
        g.writeArrayFieldStart("access_log");
        g.writeStartObject();
        g.writeStringField("name", "envoy.access_loggers.file");
        g.writeObjectFieldStart("typed_config");
        g.writeStringField("@type", "type.googleapis.com/envoy.extensions.access_loggers.file.v3.FileAccessLog");
        g.writeStringField("path", "/dev/stdout");
        g.writeObjectFieldStart("log_format");
        g.writeObjectFieldStart("text_format_source");
        g.writeStringField("inline_string", accessLogFormat());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
    }

    /** {@code {"ads": {}, "initial_fetch_timeout": "0s", "resource_api_version": "V3"}} under {@code field}. */
    void adsSource(String field) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeObjectFieldStart("ads");
        g.writeEndObject();
        g.writeStringField("initial_fetch_timeout", "0s");
        g.writeStringField("resource_api_version", "V3");
        g.writeEndObject();
    }

    // ---- sections ----

    private void bootstrap() throws IOException {
        g.writeStartObject();
        g.writeStringField("@type", ADMIN + "BootstrapConfigDump");
        g.writeObjectFieldStart("bootstrap");
        g.writeObjectFieldStart("node");
        g.writeStringField("id", "sidecar~10.244.1.7~bench-7f9d8c6b5-4xk2m.ns-0~ns-0.svc.cluster.local");
        g.writeStringField("cluster", "bench.ns-0");
        g.writeObjectFieldStart("metadata");
        g.writeStringField("ISTIO_VERSION", "1.27.3");
        g.writeStringField("NAMESPACE", "ns-0");
        g.writeStringField("CLUSTER_ID", "Kubernetes");
        g.writeEndObject();
        g.writeStringField("user_agent_name", "envoy");
        g.writeStringField("user_agent_build_version", "1.35.3");
        g.writeEndObject();
        g.writeObjectFieldStart("static_resources");
        g.writeArrayFieldStart("clusters");
        for (String name : STATIC_CLUSTERS) {
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("type", "STATIC");
            g.writeStringField("connect_timeout", "1s");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringField("last_updated", UPDATED);
        g.writeEndObject();
    }

    private void secrets() throws IOException {
        g.writeStartObject();
        g.writeStringField("@type", ADMIN + "SecretsConfigDump");
        g.writeArrayFieldStart("dynamic_active_secrets");
        for (String name : new String[] {"default", "ROOTCA"}) {
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("version_info", "2025-06-01T04:00:16Z");
            g.writeStringField("last_updated", "2025-06-01T04:00:16.000Z");
            g.writeObjectFieldStart("secret");
            g.writeStringField("@type", "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret");
            g.writeStringField("name", name);
            // Not a parseable certificate: the table then shows it as unreadable, which is all a bench needs.
            byte[] filler = new byte[900];
            random.nextBytes(filler);
            String bytes = java.util.Base64.getEncoder().encodeToString(filler);
            g.writeObjectFieldStart(name.equals("ROOTCA") ? "validation_context" : "tls_certificate");
            g.writeObjectFieldStart(name.equals("ROOTCA") ? "trusted_ca" : "certificate_chain");
            g.writeStringField("inline_bytes", bytes);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
