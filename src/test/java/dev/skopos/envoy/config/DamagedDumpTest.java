package dev.skopos.envoy.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.envoy.EnvoyParseException;
import dev.skopos.source.PodRef;
import dev.skopos.source.demo.DemoSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Whatever a dump looks like (cut short by a dropped port-forward, bytes flipped, a newer Envoy),
 * parsing either succeeds or fails with a one-line EnvoyParseException: never another exception.
 */
class DamagedDumpTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    private static List<String> inputs() throws Exception {
        List<String> dumps = new ArrayList<>();
        DemoSource demo = new DemoSource(CLOCK);
        dumps.add(demo.envoy().configDump(new PodRef("weather", "weather-frontend-6d8f9c7b5-x2k9p"), true).join());
        dumps.add(demo.envoy().configDump(new PodRef("istio-system", "istio-ingressgateway-6b7d9c8f4-w7xkq"), true).join());
        Path conformance = Path.of("../shared/conformance/proxy-config/current");
        if (Files.isDirectory(conformance)) {
            try (Stream<Path> files = Files.walk(conformance)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".json") && f.toString().contains("dump")).toList()) {
                    dumps.add(Files.readString(p));
                }
            }
        }
        return dumps;
    }

    private static void parseOrOneLineError(String body, ParseOptions options) {
        try {
            ConfigDumpParser.parse(body, options);
        } catch (EnvoyParseException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").startsWith("config_dump");
        }
    }

    @Test
    void truncatedDumpsParseOrFailInOneLine() throws Exception {
        Random random = new Random(42);
        for (String dump : inputs()) {
            for (int i = 0; i < 60; i++) {
                String cut = dump.substring(0, random.nextInt(dump.length()));
                parseOrOneLineError(cut, ParseOptions.FULL);
                parseOrOneLineError(cut, ParseOptions.LEAN);
            }
        }
    }

    @Test
    void corruptedDumpsParseOrFailInOneLine() throws Exception {
        Random random = new Random(7);
        String alphabet = "{}[]\":,0 aZ\\-";
        for (String dump : inputs()) {
            for (int i = 0; i < 60; i++) {
                StringBuilder damaged = new StringBuilder(dump);
                for (int flips = 0; flips < 1 + random.nextInt(5); flips++) {
                    damaged.setCharAt(random.nextInt(damaged.length()),
                            alphabet.charAt(random.nextInt(alphabet.length())));
                }
                parseOrOneLineError(damaged.toString(), ParseOptions.FULL);
            }
        }
    }

    @Test
    void shapesFromOtherVersionsAreTolerated() {
        // Fields from the future, wrong types where objects are expected, and unknown @types.
        String odd = """
                {"configs": [
                  {"@type": "type.googleapis.com/envoy.admin.v9.FutureConfigDump", "x": 1},
                  {"@type": "type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
                   "dynamic_active_clusters": [{"cluster": {"@type": "type.googleapis.com/envoy.config.cluster.v3.Cluster",
                     "name": "outbound|80||a.b.svc.cluster.local", "type": 12345, "brand_new_field": {"a": [1, 2]}}}],
                   "static_clusters": "not a list"},
                  {"@type": "type.googleapis.com/envoy.admin.v3.ListenersConfigDump", "dynamic_listeners": [{"name": "x"}]}
                ], "extra": true}""";
        parseOrOneLineError(odd, ParseOptions.FULL);
        parseOrOneLineError("", ParseOptions.FULL);
        parseOrOneLineError("[]", ParseOptions.FULL);
        parseOrOneLineError("{\"configs\": 3}", ParseOptions.FULL);
        parseOrOneLineError("<html>502 Bad Gateway</html>", ParseOptions.FULL);
    }
}
