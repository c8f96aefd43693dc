package dev.skopos.tui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Changes skopos made in the cluster (an istiod log scope at debug), remembered with how to undo
 * them, and undone when skopos exits however the user quits: a debugging session must not leave
 * the control plane noisier than it found it.
 */
final class ExitReverts {

    private final Map<String, Supplier<CompletableFuture<?>>> reverts = new LinkedHashMap<>();
    private final Map<String, String> originals = new HashMap<>();

    /**
     * Registers an undo. The key dedupes: changing a setting twice keeps the first (original)
     * value and revert; {@link #forget} drops it when the user puts the original value back.
     */
    void register(String key, String original, Supplier<CompletableFuture<?>> revert) {
        originals.putIfAbsent(key, original);
        reverts.putIfAbsent(key, revert);
    }

    void forget(String key) {
        reverts.remove(key);
        originals.remove(key);
    }

    /** The value a setting had before skopos first changed it, while that change is pending. */
    Optional<String> originalOf(String key) {
        return Optional.ofNullable(originals.get(key));
    }

    Set<String> pending() {
        return Set.copyOf(reverts.keySet());
    }

    /** Runs every undo, waiting at most {@code timeoutMillis} in all; returns the ones that failed. */
    List<String> runAll(long timeoutMillis) {
        List<String> failures = new ArrayList<>();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (var entry : reverts.entrySet()) {
            try {
                entry.getValue().get().get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                failures.add(entry.getKey() + ": " + Failures.oneLine(e));
            }
        }
        reverts.clear();
        originals.clear();
        return failures;
    }
}
