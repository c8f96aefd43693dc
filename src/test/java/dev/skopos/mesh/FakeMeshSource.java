package dev.skopos.mesh;

import dev.skopos.source.ClusterObjects;
import dev.skopos.source.EnvoyAdmin;
import dev.skopos.source.IstiodDebug;
import dev.skopos.source.LogStreams;
import dev.skopos.source.MeshSource;
import dev.skopos.source.PodRef;
import dev.skopos.source.PortForwards;
import dev.skopos.source.SourceInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A mesh source that only answers the Envoy admin calls a test scripted, per endpoint. */
final class FakeMeshSource implements MeshSource {

    private final Map<String, Supplier<CompletableFuture<String>>> answers = new HashMap<>();

    FakeMeshSource answer(String endpoint, String body) {
        answers.put(endpoint, () -> CompletableFuture.completedFuture(body));
        return this;
    }

    FakeMeshSource fail(String endpoint, RuntimeException error) {
        answers.put(endpoint, () -> CompletableFuture.failedFuture(error));
        return this;
    }

    /** Throws from the call itself instead of failing the future. */
    FakeMeshSource throwing(String endpoint, RuntimeException error) {
        answers.put(endpoint, () -> {
            throw error;
        });
        return this;
    }

    private CompletableFuture<String> call(String endpoint) {
        Supplier<CompletableFuture<String>> answer = answers.get(endpoint);
        if (answer == null) {
            throw new UnsupportedOperationException(endpoint + " not scripted");
        }
        // Answer on another thread, as a real source does.
        return CompletableFuture.supplyAsync(answer).thenCompose(f -> f);
    }

    @Override
    public EnvoyAdmin envoy() {
        return new EnvoyAdmin() {
            @Override
            public CompletableFuture<String> configDump(PodRef proxy, boolean includeEds) {
                return includeEds ? call("config_dump?include_eds") : call("config_dump");
            }

            @Override
            public CompletableFuture<String> clusters(PodRef proxy) {
                return call("clusters");
            }

            @Override
            public CompletableFuture<String> serverInfo(PodRef proxy) {
                return call("server_info");
            }

            @Override
            public CompletableFuture<String> logging(PodRef proxy) {
                return call("logging");
            }

            @Override
            public CompletableFuture<String> certs(PodRef proxy) {
                return call("certs");
            }

            @Override
            public CompletableFuture<String> stats(PodRef proxy, String filterRegex) {
                return call("stats");
            }

            @Override
            public CompletableFuture<String> setLogLevel(PodRef proxy, String logger, String level) {
                throw new UnsupportedOperationException("mutating call in a read-only test");
            }
        };
    }

    @Override
    public SourceInfo info() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ClusterObjects objects() {
        throw new UnsupportedOperationException();
    }

    @Override
    public IstiodDebug istiod() {
        throw new UnsupportedOperationException();
    }

    @Override
    public LogStreams logs() {
        throw new UnsupportedOperationException();
    }

    @Override
    public PortForwards portForwards() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
