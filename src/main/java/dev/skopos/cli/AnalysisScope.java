package dev.skopos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skopos.analysis.ClusterFacts;
import dev.skopos.analysis.Diagnostic;
import dev.skopos.analysis.Resource;
import dev.skopos.mesh.AnalysisInputs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What one {@code analyze} run covers: which objects go in (cluster plus files, or files plus
 * istioctl's stand-in ingress) and which findings come out (istioctl's namespace filter).
 */
final class AnalysisScope {

    /** The objects and mesh settings an analysis runs over, and what only a cluster knows (null for files). */
    record Inputs(List<Resource> resources, JsonNode meshConfig, JsonNode meshNetworks, ClusterFacts facts) {}

    private AnalysisScope() {
    }

    /** --use-kube=false: istioctl's default resources, then the files over them. */
    static Inputs filesOnly(ManifestFiles.Loaded files, String namespace, JsonNode meshConfig, JsonNode meshNetworks) {
        List<Resource> resources = AnalysisInputs.overlay(AnalysisInputs.defaultResources(meshConfig),
                AnalysisInputs.fromFiles(files.resources(), namespace));
        return new Inputs(resources, meshConfig, meshNetworks, null);
    }

    /** The cluster's objects with the files laid over them (a file's object replaces the cluster's). */
    static Inputs overCluster(AnalysisInputs.ClusterView cluster, ManifestFiles.Loaded files, String namespace,
                              JsonNode meshConfig, JsonNode meshNetworks, ClusterFacts facts) {
        List<Resource> resources = AnalysisInputs.overlay(cluster.resources(),
                AnalysisInputs.fromFiles(files.resources(), namespace));
        return new Inputs(resources, meshConfig, meshNetworks, facts);
    }

    /**
     * istioctl's filterMessages: with a namespace selected, drop findings about objects in other
     * namespaces; keep findings without an object and those about cluster-scoped objects (a Namespace is in itself).
     */
    static List<Diagnostic> inNamespace(List<Diagnostic> found, String namespace) {
        if (namespace.isEmpty()) {
            return found;
        }
        return found.stream()
                .filter(d -> d.resource() == null || d.resource().originNamespace().isEmpty()
                        || d.resource().originNamespace().equals(namespace))
                .toList();
    }

    /** --istio-only: istioctl's own codes (IST...), without skopos's checks (SKP...). */
    static List<Diagnostic> istioOnly(List<Diagnostic> found) {
        return found.stream().filter(d -> d.code().startsWith("IST")).toList();
    }

    /** Runs the analysis off the caller's thread so --timeout can give up on it, as istioctl's does. */
    static List<Diagnostic> runWithin(Duration timeout, Supplier<List<Diagnostic>> analysis) throws AnalyzeCommand.Stop {
        CompletableFuture<List<Diagnostic>> run = CompletableFuture.supplyAsync(analysis);
        try {
            return timeout.isZero() ? run.get() : run.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new AnalyzeCommand.Stop(AnalyzeCommand.EXIT_FAILURE, "analysis did not finish within " + timeout.toSeconds() + "s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalyzeCommand.Stop(AnalyzeCommand.EXIT_FAILURE, "interrupted");
        } catch (ExecutionException e) {
            throw new AnalyzeCommand.Stop(AnalyzeCommand.EXIT_FAILURE, "analysis failed: " + e.getCause());
        }
    }
}
