package dev.skopos.cli;

import dev.skopos.envoy.EnvoyParseException;
import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.envoy.config.ConfigDumpParser;
import dev.skopos.envoy.config.ParseOptions;
import dev.skopos.render.istioctl.GoYaml;
import dev.skopos.source.MeshSource;
import dev.skopos.source.PodRef;
import dev.skopos.source.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What every {@code skopos proxy-config} subcommand shares: a pod or {@code -f FILE}, the output
 * format, loading and parsing, and turning failures into one {@code skopos: ...} line with exit 1
 * (2 for usage). Subcommands only pick sections and render.
 */
abstract class ProxyConfigBase implements Callable<Integer> {

    /** A failure to report as one line; {@code usage} selects exit code 2. */
    static final class Failure extends RuntimeException {
        final boolean usage;

        Failure(String message, boolean usage) {
            super(message);
            this.usage = usage;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "POD[.NAMESPACE]",
            description = "The pod whose proxy to read (with several --context: in whichever context has it).")
    String pod;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read a saved Envoy config dump (- for stdin).")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "Output format: one of json|yaml|short.")
    String output = "short";

    @Mixin
    SourceOptions source;

    /** Prints the command's answer; throws {@link Failure} for anything the user must hear about. */
    abstract String run() throws IOException;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if ((pod == null) == (file == null)) {
                throw new Failure(spec.name() + " requires a pod name or --file", true);
            }
            if (!output.equals("short") && !output.equals("json") && !output.equals("yaml")) {
                throw new Failure("output format \"" + output + "\" not supported; use json, yaml or short", true);
            }
            out.print(run());
            out.flush();
            return 0;
        } catch (Failure f) {
            err.println("skopos: " + f.getMessage());
            return f.usage ? 2 : 1;
        } catch (EnvoyParseException e) {
            err.println("skopos: " + (file != null ? file + ": " : "") + e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("skopos: " + e.getFile() + ": no such file");
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("skopos: " + (file != null ? file + ": " : "") + SourceException.describe(e));
            return 1;
        } finally {
            err.flush();
        }
    }

    boolean json() {
        return output.equals("json");
    }

    boolean yaml() {
        return output.equals("yaml");
    }

    /** A JSON dump as istioctl prints it: {@code -o json} as is, {@code -o yaml} converted; then a newline. */
    String dumpOutput(String json) {
        return yaml() ? GoYaml.fromJson(json) + "\n" : json + "\n";
    }

    /** The config dump from the file or the pod's proxy ({@code ?include_eds} when {@code eds}). */
    ConfigDump configDump(ParseOptions options, boolean eds) throws IOException {
        if (file != null) {
            try (InputStream in = open()) {
                return ConfigDumpParser.parse(in, options);
            }
        }
        return ConfigDumpParser.parse(raw(ref -> mesh -> mesh.envoy().configDump(ref, eds)), options);
    }

    /** The raw text of the file or of one admin answer of the pod's proxy. */
    String raw(Function<PodRef, Function<MeshSource, CompletableFuture<String>>> answer) throws IOException {
        if (file != null) {
            try (InputStream in = open()) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        PodRef ref = PodRef.parse(pod, source.namespace != null ? source.namespace : "default");
        try (MeshSource mesh = Sources.open(source)) {
            return answer.apply(ref).apply(mesh).join();
        } catch (Sources.Unsupported e) {
            throw new Failure(e.getMessage(), true);
        } catch (RuntimeException e) {
            if (e instanceof Failure || e instanceof EnvoyParseException) {
                throw e;
            }
            throw new Failure(SourceException.describe(e), false);
        }
    }

    private InputStream open() throws IOException {
        return file.toString().equals("-") ? System.in : Files.newInputStream(file);
    }
}
