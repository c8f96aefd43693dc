package dev.skopos.cli;

import static dev.skopos.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skopos.istiod.ProxySync;
import dev.skopos.istiod.SyncMerger;
import dev.skopos.istiod.SyncState;
import dev.skopos.istiod.SynczParser;
import dev.skopos.istiod.TypeSync;
import dev.skopos.source.IstiodInstance;
import dev.skopos.source.SynczAnswer;
import dev.skopos.source.demo.DemoSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyStatusCommandTest {

    private static final String STALE_PROXY = "details-v1-65b9d8c7f-8jq2n.bookinfo";
    private static final String SYNCED_PROXY = "productpage-v1-7f9d8c6b5-4xk2m.bookinfo";

    /** Each demo replica's answer in one format, saved as {@code <istiod>.json} like a user would. */
    private static List<SynczAnswer> save(Path dir, Function<IstiodInstance, SynczAnswer> answer) throws IOException {
        Files.createDirectories(dir);
        try (DemoSource demo = DemoSource.create()) {
            List<SynczAnswer> answers = demo.istiod().instances().stream().map(answer).toList();
            for (SynczAnswer a : answers) {
                Files.writeString(dir.resolve(a.istiod().name() + ".json"), a.body());
            }
            return answers;
        }
    }

    private static Function<IstiodInstance, SynczAnswer> xds(DemoSource demo) {
        return i -> demo.istiod().syncz(i).join();
    }

    @Test
    void bothSynczFormatsOfTheDemoRenderTheSameProxies(@TempDir Path tmp) throws IOException {
        List<SynczAnswer> xdsAnswers;
        List<SynczAnswer> httpAnswers;
        try (DemoSource demo = DemoSource.create()) {
            xdsAnswers = save(tmp.resolve("xds"), xds(demo));
            httpAnswers = save(tmp.resolve("http"), i -> demo.synczHttp(i).join());
        }
        assertThat(httpAnswers).allSatisfy(a -> assertThat(a.format()).isEqualTo(SynczAnswer.Format.HTTP));

        CliRun fromXds = run("ps", "-f", tmp.resolve("xds").toString());
        CliRun fromHttp = run("ps", "-f", tmp.resolve("http").toString());

        assertThat(fromXds.code()).isZero();
        assertThat(fromHttp.code()).isZero();
        assertThat(fromHttp.out()).isEqualTo(fromXds.out()).contains(STALE_PROXY);
        // Per type: the same states, but for a NACK, which the old format cannot tell from STALE.
        Map<String, Map<String, SyncState>> xdsStates = states(xdsAnswers);
        Map<String, Map<String, SyncState>> httpStates = states(httpAnswers);
        assertThat(httpStates.keySet()).isEqualTo(xdsStates.keySet()).hasSizeGreaterThan(10);
        xdsStates.forEach((proxy, types) -> types.forEach((type, state) -> assertThat(httpStates.get(proxy).get(type))
                .as(proxy + " " + type).isEqualTo(state == SyncState.ERROR ? SyncState.STALE : state)));
        assertThat(xdsStates.values()).anySatisfy(t -> assertThat(t).containsValue(SyncState.ERROR));
    }

    private static Map<String, Map<String, SyncState>> states(List<SynczAnswer> answers) {
        Map<String, Map<String, SyncState>> out = new TreeMap<>();
        for (ProxySync s : SyncMerger.merge(answers.stream().map(SynczParser::parse).toList())) {
            out.put(s.proxyId() + "@" + s.istiod(),
                    s.types().stream().collect(Collectors.toMap(TypeSync::shortName, TypeSync::state)));
        }
        return out;
    }

    @Test
    void aDirectoryMixingBothFormatsMergesLikeTheLiveReplicas(@TempDir Path tmp) throws IOException {
        try (DemoSource demo = DemoSource.create()) {
            List<IstiodInstance> replicas = demo.istiod().instances();
            assertThat(replicas).hasSize(2);
            Files.writeString(tmp.resolve(replicas.get(0).name() + ".json"), xds(demo).apply(replicas.get(0)).body());
            Files.writeString(tmp.resolve(replicas.get(1).name() + ".txt"), demo.synczHttp(replicas.get(1)).join().body());
        }

        CliRun mixed = run("ps", "-f", tmp.toString());
        CliRun live = run("ps", "--demo");

        assertThat(mixed.code()).isZero();
        assertThat(mixed.out()).isEqualTo(live.out());
        assertThat(mixed.out().lines().map(l -> l.split("\\s+")[2]).distinct().count()).isEqualTo(3); // header + 2
    }

    @Test
    void namespaceFilterAndAnEmptyResult() {
        CliRun bookinfo = run("ps", "--demo", "-n", "bookinfo");
        assertThat(bookinfo.out().lines().skip(1)).isNotEmpty().allSatisfy(l -> assertThat(l).contains(".bookinfo "));

        CliRun none = run("ps", "--demo", "-n", "no-such-namespace");
        assertThat(none.out()).isEqualTo("NAME     CLUSTER     ISTIOD     VERSION     SUBSCRIBED TYPES\n");
    }

    @Test
    void theStaleProxyLacksTheLedgerClusterIstiodWouldSend() {
        CliRun r = run("ps", STALE_PROXY, "--demo");

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Clusters Don't Match\n--- Istiod Clusters\n+++ Envoy Clusters\n@@ ")
                .containsPattern("\n-\\s+\"name\": \"outbound\\|8080\\|\\|ledger\\.payments\\.svc\\.cluster\\.local\",\n");
    }

    @Test
    void aSyncedProxyMatchesEverywhere() {
        CliRun r = run("proxy-status", SYNCED_PROXY, "--demo");

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Clusters Match\nListeners Match\nRoutes Match").doesNotContain("---");
    }

    @Test
    void anEnvoyFileIsComparedWithWhatTheDemosIstiodWouldSend(@TempDir Path tmp) throws IOException {
        String envoy;
        try (DemoSource demo = DemoSource.create()) {
            envoy = demo.envoy().configDump(dev.skopos.source.PodRef.parse(SYNCED_PROXY, "default"), false).join();
        }
        Files.writeString(tmp.resolve("envoy.json"), envoy);

        assertThat(run("ps", SYNCED_PROXY, "--demo", "--envoy-file", tmp.resolve("envoy.json").toString()).out())
                .startsWith("Clusters Match\n");
        assertThat(run("ps", STALE_PROXY, "--demo", "--envoy-file", tmp.resolve("envoy.json").toString()).out())
                .startsWith("Clusters Don't Match\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ps -f /no/such/file.json                 | 1 | skopos: /no/such/file.json: no such file",
        "ps --istiod-file /no/such --envoy-file /no/such | 1 | skopos: /no/such: no such file",
        "ps --demo -o wide                        | 2 | skopos: output format \"wide\" not supported; use table, json or yaml",
        "ps --demo --verbosity 2                  | 2 | skopos: --verbosity takes 0 or 1",
        "ps --kubeconfig /nonexistent/kubeconfig  | 2 | skopos: kubeconfig /nonexistent/kubeconfig not found",
        "ps " + SYNCED_PROXY + " --kubeconfig /nonexistent/kubeconfig | 2 | skopos: kubeconfig /nonexistent/kubeconfig not found",
        "ps --envoy-file x.json                   | 2 | skopos: compare needs POD[.NAMESPACE], or both --istiod-file and --envoy-file",
        "ps nobody-1.nowhere --demo               | 1 | skopos: proxy nobody-1.nowhere is not connected to any istiod (checked 2)",
    })
    void failuresAreOneLineWithTheirExitCode(String args, int code, String message) {
        CliRun r = run(args.trim().split("\\s+"));

        assertThat(r.code()).isEqualTo(code);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(message + System.lineSeparator());
    }

    @Test
    void aDamagedAnswerNamesItsFile(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("istiod-a.json"), "{\"resources\": [");

        CliRun r = run("ps", "-f", tmp.resolve("istiod-a.json").toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("skopos: istiod-a syncz (xds): not JSON").hasLineCount(1);
    }

    @Test
    void jsonOfTheDemoIsOneDiscoveryResponsePerIstiod() {
        CliRun r = run("ps", "--demo", "-o", "json", "-n", "payments");

        assertThat(r.code()).isZero();
        assertThat(r.out().split("\n}\n", -1)).hasSize(3); // two documents, then nothing
        assertThat(r.out()).contains("\"id\": \"ledger-6f7b8d9c5-t8rzl.payments\"").doesNotContain(".bookinfo\"");
    }
}
