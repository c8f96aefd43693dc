package dev.skopos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.AnalysisRun;
import dev.skopos.analysis.Analyzer;
import dev.skopos.analysis.Analyzers;
import dev.skopos.analysis.Catalog;
import dev.skopos.analysis.Diagnostic;
import dev.skopos.analysis.Level;
import dev.skopos.analysis.ResourceSnapshot;
import dev.skopos.analysis.Suppressions;
import dev.skopos.mesh.AnalysisInputs;
import dev.skopos.render.istioctl.AnalysisOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code skopos analyze}: istioctl analyze over the cluster's objects (live, or the demo mesh) with
 * FILES laid over them, or over FILES alone ({@code --use-kube=false}); same flags, defaults,
 * output and exit codes as istioctl.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Analyze Istio configuration and print validation messages, as istioctl analyze does.",
        exitCodeListHeading = "%nExit codes (istioctl's):%n",
        exitCodeList = {"0:no message at or above --failure-threshold (or -o json|yaml)",
            "1:unreadable input or runtime failure", "2:the kubeconfig or context cannot be used",
            "64:bad usage", "65:some files could not be parsed", "79:messages at or above --failure-threshold"})
public final class AnalyzeCommand implements Callable<Integer> {

    static final int EXIT_FAILURE = 1;
    static final int EXIT_UNSUPPORTED = 2;
    static final int EXIT_USAGE = 64;
    static final int EXIT_PARSE = 65;
    static final int EXIT_ISSUES = 79;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILES", arity = "0..*",
            description = "Manifests to analyze (files, directories, - for stdin), laid over the cluster's objects.")
    List<String> files = new ArrayList<>();

    @Option(names = {"-A", "--all-namespaces"}, description = "Analyze all namespaces.")
    boolean allNamespaces;

    @Option(names = {"-k", "--use-kube"}, arity = "0..1", defaultValue = "true", fallbackValue = "true",
            paramLabel = "BOOL", description = "Use the cluster (--demo). Set --use-kube=false to analyze files only.")
    boolean useKube = true;

    @Option(names = "--analyzer", split = ",", paramLabel = "NAME",
            description = "Run only these analyzers (repeatable; names as -L lists them). skopos only.")
    List<String> analyzerNames = new ArrayList<>();

    @Option(names = {"-L", "--list-analyzers"}, description = "List the analyzers available to run.")
    boolean listAnalyzers;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "Output format: log, json or yaml.")
    String output = "log";

    @Option(names = "--output-threshold", paramLabel = "LEVEL", description = "Print messages from this level: Info, Warning, Error.")
    String outputThreshold = "Info";

    @Option(names = "--failure-threshold", paramLabel = "LEVEL",
            description = "Exit 79 when messages of this level or worse exist: Info, Warning, Error.")
    String failureThreshold = "Error";

    @Option(names = {"-S", "--suppress"}, paramLabel = "CODE=RESOURCE",
            description = "Suppress a code on a resource, e.g. \"IST0102=Namespace frod\" or \"IST0103=Pod testing/*\" (also \"Pod *.testing\"). Repeatable.")
    List<String> suppress = new ArrayList<>();

    @Option(names = "--meshConfigFile", paramLabel = "FILE", description = "Mesh config to analyze with, over the cluster's.")
    Path meshConfigFile;

    @Option(names = "--meshNetworksFile", paramLabel = "FILE", description = "Mesh networks to analyze with. skopos only.")
    Path meshNetworksFile;

    @Option(names = "--istio-only", description = "Only what istioctl analyze reports: no skopos checks (SKP), no precheck-only codes.")
    boolean istioOnly;

    @Option(names = "--color", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Colour levels (default: when stdout is a terminal and $TERM is not dumb).")
    Boolean color;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = GoDuration.class, defaultValue = "30s",
            description = "How long to wait for the analysis (Go duration, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = {"-R", "--recursive"}, description = "Read sub-directories of directory arguments too.")
    boolean recursive;

    @Option(names = "--ignore-unknown", description = "Exit 0 instead of 65 when some files could not be parsed.")
    boolean ignoreUnknown;

    @Option(names = {"-v", "--verbose"}, description = "Say which analyzers ran.")
    boolean verbose;

    @Mixin
    SourceOptions source;

    /** Where analyzers come from; tests put a fake one here. */
    Supplier<List<Analyzer>> registry = Analyzers::all;

    /** A problem that ends the command with one {@code skopos: ...} line and an exit code. */
    static final class Stop extends Exception {
        final int code;

        Stop(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(out, err);
        } catch (Stop s) {
            err.println("skopos: " + s.getMessage());
            return s.code;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws Stop {
        String format = output.toLowerCase(Locale.ROOT);
        if (!List.of("log", "json", "yaml").contains(format)) {
            throw new Stop(EXIT_USAGE, format + " not a valid option for format. See skopos analyze --help");
        }
        Level shown = level(outputThreshold, "--output-threshold");
        Level failing = level(failureThreshold, "--failure-threshold");
        if (listAnalyzers) {
            out.print(AnalysisOutput.analyzers(registry.get()));
            return 0;
        }
        List<Analyzer> analyzers = istioOnly ? istioctlOnly(selectedAnalyzers()) : selectedAnalyzers();
        Suppressions suppressions = suppressions(err);
        ManifestFiles.Loaded loaded;
        try {
            loaded = ManifestFiles.gather(files, recursive, System.in, err);
        } catch (ManifestFiles.Unreadable e) {
            throw new Stop(EXIT_FAILURE, e.getMessage());
        }
        // istioctl: -n, else the context's namespace (the demo's is "default"); -A analyzes everything.
        String namespace = allNamespaces ? "" : source.namespace != null ? source.namespace : "default";
        AnalysisScope.Inputs inputs;
        if (useKube) {
            inputs = fromCluster(err, loaded, namespace);
            if (inputs == null) {
                return 0;
            }
        } else {
            inputs = AnalysisScope.filesOnly(loaded, namespace, meshConfig(null), meshNetworks(null));
        }
        loaded.parseErrors().forEach(e -> err.println("skopos: " + e));

        ResourceSnapshot snapshot = new ResourceSnapshot(inputs.resources(), inputs.meshConfig(), inputs.meshNetworks())
                .withClusterFacts(inputs.facts());
        List<Diagnostic> found = AnalysisScope.inNamespace(
                AnalysisScope.runWithin(timeout, () -> AnalysisRun.run(snapshot, analyzers, suppressions)), namespace);
        if (istioOnly) {
            found = AnalysisScope.istioOnly(found);
        }
        String target = allNamespaces ? "all namespaces" : "namespace: " + namespace;
        if (verbose) {
            err.println("Analyzed resources in " + target);
            err.println("Executed analyzers:");
            analyzers.forEach(a -> err.println("\t " + a.name()));
            err.println();
        }
        List<AnalysisOutput.Message> printed = found.stream().filter(d -> d.level().compareTo(shown) >= 0)
                .map(AnalysisOutput.Message::of).toList();
        boolean colour = color != null ? color : Terminal.stdoutIsColourTerminal();
        out.println(switch (format) {
            case "json" -> AnalysisOutput.json(printed, AnalysisOutput.ISTIOCTL_DOC_REF);
            case "yaml" -> AnalysisOutput.yaml(printed, AnalysisOutput.ISTIOCTL_DOC_REF);
            default -> AnalysisOutput.log(printed, colour);
        });
        int parseErrors = loaded.parseErrors().size();
        if (printed.isEmpty()) {
            if (parseErrors > 0) {
                err.printf("No validation issues found when analyzing %s (but %d %s could not be parsed).%n",
                        target, parseErrors, parseErrors == 1 ? "file" : "files");
            } else {
                err.println("\u2714 No validation issues found when analyzing "
                        + (loaded.names().isEmpty() ? target : String.join("\n", loaded.names())) + ".");
            }
        }
        // Like istioctl, only the log format turns findings into an exit code; the threshold sees unprinted ones too.
        if (!format.equals("log")) {
            return 0;
        }
        if (found.stream().anyMatch(d -> d.level().compareTo(failing) >= 0)) {
            err.println("Error: Analyzers found issues when analyzing " + target + ".");
            err.println("See " + AnalysisOutput.CONFIG_ANALYSIS + " for more information about causes and resolutions.");
            return EXIT_ISSUES;
        }
        if (parseErrors > 0 && !ignoreUnknown) {
            err.println("Error: Some files couldn't be parsed.");
            return EXIT_PARSE;
        }
        return 0;
    }

    /** The cluster's objects with the files over them; null when -n names a namespace the cluster lacks. */
    private AnalysisScope.Inputs fromCluster(PrintWriter err, ManifestFiles.Loaded loaded, String namespace) throws Stop {
        AnalyzedCluster cluster = AnalyzedCluster.read(source, allNamespaces, namespace, err);
        if (cluster == null) {
            return null;
        }
        AnalysisInputs.ClusterView view = cluster.view();
        return AnalysisScope.overCluster(view, loaded, namespace, meshConfig(view.meshConfig()),
                meshNetworks(view.meshNetworks()), cluster.facts());
    }

    private static Level level(String text, String flag) throws Stop {
        Level level = Level.parse(text);
        if (level == null) {
            throw new Stop(EXIT_USAGE, "invalid argument \"" + text + "\" for \"" + flag + "\" flag: invalid level option"
                    + " (Info, Warning, Error)");
        }
        return level;
    }

    private List<Analyzer> selectedAnalyzers() throws Stop {
        if (analyzerNames.isEmpty()) {
            return registry.get();
        }
        List<Analyzer> chosen = new ArrayList<>();
        for (String name : analyzerNames) {
            chosen.add(registry.get().stream().filter(a -> a.name().equals(name.strip())).findFirst().orElseThrow(() -> new Stop(EXIT_USAGE,
                    "unknown analyzer \"" + name + "\"; skopos analyze -L lists them")));
        }
        return chosen;
    }

    /** istioctl's checks: exactly one '=' (else exit 1), and a warning for a code no analyzer reports. */
    private Suppressions suppressions(PrintWriter err) throws Stop {
        for (String s : suppress) {
            String[] parts = s.split("=", -1);
            if (parts.length != 2) {
                throw new Stop(EXIT_FAILURE, s + " is not a valid suppression value. See skopos analyze --help");
            }
            if (Catalog.get().byCode(parts[0]) == null) {
                err.println("Warning: Supplied message code '" + parts[0]
                        + "' is an unknown message code and will not have any effect.");
            }
        }
        try {
            return Suppressions.parse(suppress);
        } catch (IllegalArgumentException e) {
            throw new Stop(EXIT_FAILURE, e.getMessage());
        }
    }

    /** --meshConfigFile wins over the cluster's; istioctl ignores an unreadable one, we say so and do the same. */
    private JsonNode meshConfig(JsonNode fromCluster) {
        if (meshConfigFile == null) {
            return fromCluster;
        }
        try {
            return AnalysisInputs.yaml(Files.readString(meshConfigFile), meshConfigFile.toString());
        } catch (IOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("skopos: --meshConfigFile " + meshConfigFile + " ignored: "
                    + (e instanceof IOException ? "cannot read it" : e.getMessage()));
            return fromCluster;
        }
    }

    private JsonNode meshNetworks(JsonNode fromCluster) throws Stop {
        if (meshNetworksFile == null) {
            return fromCluster;
        }
        try {
            return AnalysisInputs.yaml(Files.readString(meshNetworksFile), meshNetworksFile.toString());
        } catch (IOException e) {
            throw new Stop(EXIT_FAILURE, meshNetworksFile + ": cannot read");
        } catch (IllegalArgumentException e) {
            throw new Stop(EXIT_FAILURE, e.getMessage());
        }
    }

    /** What istioctl analyze itself runs: no SKP checks, no precheck-only IST checks. */
    private static List<Analyzer> istioctlOnly(List<Analyzer> selected) {
        java.util.Set<String> istioctl = new java.util.HashSet<>();
        Analyzers.istioctl().forEach(a -> istioctl.add(a.name()));
        return selected.stream().filter(a -> istioctl.contains(a.name())).toList();
    }
}
