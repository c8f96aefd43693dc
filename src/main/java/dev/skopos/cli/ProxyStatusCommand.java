package dev.skopos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.envoy.EnvoyParseException;
import dev.skopos.istiod.ProxyStatusTable;
import dev.skopos.istiod.ProxySync;
import dev.skopos.istiod.SyncDocuments;
import dev.skopos.istiod.SyncMerger;
import dev.skopos.istiod.SynczParseException;
import dev.skopos.istiod.SynczParser;
import dev.skopos.mesh.IstiodConfigDump;
import dev.skopos.render.istioctl.ConfigComparison;
import dev.skopos.render.istioctl.ProxyStatusOutput;
import dev.skopos.source.MeshSource;
import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import dev.skopos.source.SynczAnswer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code skopos proxy-status} ({@code ps}): istioctl's proxy-status. Without a pod, every proxy's
 * xDS sync as istiod reports it (saved answers with {@code -f}, either syncz format, or every
 * istiod replica of the source, merged, of every cluster with several contexts); with a pod,
 * istiod's intended config against Envoy's.
 */
@Command(name = "proxy-status", aliases = "ps", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The xDS sync status of every proxy (-n: of one namespace), or with POD the diff between "
                + "what istiod would send that proxy and what its Envoy holds, exactly as istioctl proxy-status prints them.",
            "",
            "Several clusters (--context a,b: a multi-primary mesh): every cluster's istiods are asked and their "
                + "reports merged; CLUSTER is each proxy's cluster id as istiod reports it. A cluster that cannot "
                + "answer is named on stderr, the others' rows are printed, and the exit code is 1. With POD, the "
                + "pod is looked for in every context; one that exists in several must be named with one --context."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:runtime failure (unreadable file, istiod or proxy not answering)",
            "2:bad usage"})
public final class ProxyStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "POD[.NAMESPACE]",
            description = "Compare istiod's config for this proxy with its Envoy's.")
    String pod;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "A saved istiod sync answer (xDS syncz or the old /debug/syncz list), or a directory "
                    + "of them, one per istiod; repeatable.")
    List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "Output format: table, json or yaml.")
    String output = "table";

    @Option(names = {"-v", "--verbosity"}, paramLabel = "N", description = "1: one column per xDS type.")
    int verbosity;

    @Option(names = "--istiod-file", paramLabel = "FILE",
            description = "Diff: istiod's /debug/config_dump?proxyID= answer, saved.")
    Path istiodFile;

    @Option(names = "--envoy-file", paramLabel = "FILE", description = "Diff: the proxy's Envoy /config_dump, saved.")
    Path envoyFile;

    @Mixin
    SourceOptions source;

    /** Clusters or replicas that could not answer, said after the table (several contexts only). */
    private List<String> unanswered = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            out.print(diffMode() ? diff() : status());
            out.flush();
            unanswered.forEach(line -> err.println("skopos: " + line));
            return unanswered.isEmpty() ? 0 : 1;
        } catch (ProxyConfigBase.Failure f) {
            err.println("skopos: " + f.getMessage());
            return f.usage ? 2 : 1;
        } catch (SynczParseException | EnvoyParseException e) {
            err.println("skopos: " + e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("skopos: " + e.getFile() + ": no such file");
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("skopos: " + SourceException.describe(e));
            return 1;
        } finally {
            err.flush();
        }
    }

    private boolean diffMode() {
        return pod != null || istiodFile != null || envoyFile != null;
    }

    private String status() throws IOException {
        if (!List.of("table", "json", "yaml").contains(output)) {
            throw usage("output format \"" + output + "\" not supported; use table, json or yaml");
        }
        if (verbosity < 0 || verbosity > 1) {
            throw usage("--verbosity takes 0 or 1");
        }
        List<SynczAnswer> answers = files != null && !files.isEmpty() ? SynczFiles.read(files) : fromSource();
        String namespace = source.namespace;
        if (!output.equals("table")) {
            List<JsonNode> docs = answers.stream().map(a -> SyncDocuments.document(a, namespace)).toList();
            return output.equals("json") ? ProxyStatusOutput.json(docs) : ProxyStatusOutput.yaml(docs);
        }
        List<ProxySync> syncs = SyncMerger.merge(answers.stream().map(SynczParser::parse).toList()).stream()
                .filter(s -> namespace == null || s.namespace().equals(namespace))
                .toList();
        return verbosity == 1 ? ProxyStatusTable.renderVerbose(syncs) : ProxyStatusTable.render(syncs);
    }

    /** Every istiod replica's answer, in replica order (see {@link IstiodReports} for failures). */
    private List<SynczAnswer> fromSource() {
        IstiodReports reports = withSource(mesh -> IstiodReports.collect(mesh));
        unanswered = reports.unanswered();
        return reports.answers();
    }

    private String diff() throws IOException {
        if (files != null && !files.isEmpty()) {
            throw usage("-f reads sync reports; compare saved dumps with --istiod-file and --envoy-file");
        }
        if (pod == null && (istiodFile == null || envoyFile == null)) {
            throw usage("compare needs POD[.NAMESPACE], or both --istiod-file and --envoy-file");
        }
        String istiodDump = istiodFile != null ? SynczFiles.text(istiodFile) : null;
        String envoyDump = envoyFile != null ? SynczFiles.text(envoyFile) : null;
        if (istiodDump == null || envoyDump == null) {
            PodRef ref = PodRef.parse(pod, source.namespace != null ? source.namespace : "default");
            String[] fetched = withSource(mesh -> new String[] {
                istiodDump != null ? istiodDump : IstiodConfigDump.of(mesh, ref).join(),
                envoyDump != null ? envoyDump : mesh.envoy().configDump(ref, false).join()});
            return ConfigComparison.compare(fetched[0], fetched[1], ZoneId.systemDefault());
        }
        return ConfigComparison.compare(istiodDump, envoyDump, ZoneId.systemDefault());
    }

    private <T> T withSource(java.util.function.Function<MeshSource, T> work) {
        try (MeshSource mesh = Sources.open(source)) {
            return work.apply(mesh);
        } catch (Sources.Unsupported e) {
            throw usage(e.getMessage());
        } catch (ProxyConfigBase.Failure | SynczParseException | EnvoyParseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProxyConfigBase.Failure(SourceException.describe(e), false);
        }
    }

    private static ProxyConfigBase.Failure usage(String message) {
        return new ProxyConfigBase.Failure(message, true);
    }
}
