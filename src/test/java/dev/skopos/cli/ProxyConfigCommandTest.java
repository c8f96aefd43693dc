package dev.skopos.cli;

import static dev.skopos.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyConfigCommandTest {

    private static final String FRONTEND = "weather-frontend-6d8f9c7b5-x2k9p.weather";

    @Test
    void clusterTableFromTheDemoWithFilters() {
        CliRun r = run("pc", "clusters", FRONTEND, "--demo", "--fqdn", "weather-backend", "--direction", "outbound");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h)
                .startsWith("SERVICE FQDN").endsWith("DESTINATION RULE"));
        assertThat(r.out().lines().skip(1)).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("weather-backend").contains("outbound"));
    }

    @Test
    void listenerTypeFilterKeepsOnlyTcp() {
        CliRun r = run("proxy-config", "listener", FRONTEND, "--demo", "--type", "tcp", "--port", "5000");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Cluster: outbound|5000||weather-backend").doesNotContain("Route:");
    }

    @Test
    void jsonIsAListOfCamelCaseMessagesAndYamlTheSame() throws Exception {
        CliRun json = run("pc", "cluster", FRONTEND, "--demo", "--port", "5000", "-o", "json");
        assertThat(json.code()).isZero();
        JsonNode list = new ObjectMapper().readTree(json.out());
        assertThat(list.isArray()).isTrue();
        assertThat(list.get(0).has("name")).isTrue();
        assertThat(list.get(0).has("@type")).isFalse();
        assertThat(json.out()).doesNotContain("\"connect_timeout\"");
        CliRun yaml = run("pc", "cluster", FRONTEND, "--demo", "--port", "5000", "-o", "yaml");
        assertThat(yaml.out()).startsWith("- ").contains("\n  name: ");
    }

    @Test
    void routesAndSecretsAndBootstrapFromTheDemo() {
        assertThat(run("pc", "routes", FRONTEND, "--demo").out()).startsWith("NAME").contains("VIRTUAL SERVICE");
        assertThat(run("pc", "secret", FRONTEND, "--demo").out()).contains("default", "ROOTCA");
        assertThat(run("pc", "bootstrap", FRONTEND, "--demo", "-o", "short").out()).startsWith("Istio Version:");
        assertThat(run("pc", "all", FRONTEND, "--demo").out()).contains("cluster/", "listener/", "route/",
                "secret/", "endpoint/");
        assertThat(run("pc", "endpoint", FRONTEND, "--demo").out()).startsWith("ENDPOINT").contains("OUTLIER CHECK");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pc cluster -f /no/such/file.json|1|skopos: /no/such/file.json: no such file",
        "pc cluster nope-1.weather --demo|1|skopos: ",
        "pc cluster " + FRONTEND + " --kubeconfig /nonexistent/kubeconfig|2|skopos: kubeconfig /nonexistent/kubeconfig not found",
        "pc cluster|2|skopos: cluster requires a pod name or --file",
        "pc cluster " + FRONTEND + " --demo -o xml|2|skopos: output format",
    })
    void failuresAreOneLineWithTheRightExitCode(String args, int code, String message) {
        CliRun r = run(args.split(" "));
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith(message);
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    @Test
    void malformedFileNamesItAndTheSection(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("dump.json");
        Files.writeString(bad, "{\"configs\": [{\"@type\": \"type.googleapis.com/envoy.admin.v3.ClustersConfigDump\","
                + " \"static_clusters\": [{\"cluster\": ");
        CliRun r = run("pc", "cluster", "-f", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("skopos: " + bad + ": config_dump: clusters: static_clusters[0]: truncated JSON");
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    @Test
    void topLevelOptionsStillWork() {
        assertThat(run("--help").out()).contains("--demo", "proxy-config");
    }
}
