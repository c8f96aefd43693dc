package dev.skopos.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * READY, STATUS and RESTARTS of a pod exactly as {@code kubectl get pods} computes them (kubectl's
 * printPod, native sidecar aware), so skopos never disagrees with the terminal next to it.
 *
 * @param ready    ready containers over app containers plus restartable init containers, e.g. {@code 2/2}
 * @param status   the phase, or the reason that says more (CrashLoopBackOff, Init:0/2, Terminating, ...)
 * @param restarts restarts kubectl counts (init containers only while the pod is still initialising)
 */
public record PodStatus(String ready, String status, int restarts) {

    /** Reads a pod in the shape {@code kubectl get -o json} prints; missing parts count as absent. */
    public static PodStatus of(JsonNode pod) {
        JsonNode spec = pod.path("spec");
        JsonNode status = pod.path("status");
        int total = spec.path("containers").size();
        int readyCount = 0;
        int restarts = 0;
        int restartableRestarts = 0;

        String reason = status.path("phase").asText("");
        if (!status.path("reason").asText("").isEmpty()) {
            reason = status.path("reason").asText();
        }
        for (JsonNode c : status.path("conditions")) {
            if ("PodScheduled".equals(c.path("type").asText()) && "SchedulingGated".equals(c.path("reason").asText())) {
                reason = "SchedulingGated";
            }
        }

        Set<String> restartable = new HashSet<>();
        for (JsonNode init : spec.path("initContainers")) {
            if (isRestartable(init)) {
                restartable.add(init.path("name").asText());
                total++;
            }
        }

        boolean initializing = false;
        JsonNode initStatuses = status.path("initContainerStatuses");
        for (int i = 0; i < initStatuses.size(); i++) {
            JsonNode c = initStatuses.get(i);
            int count = c.path("restartCount").asInt(0);
            boolean sidecar = restartable.contains(c.path("name").asText());
            restarts += count;
            if (sidecar) {
                restartableRestarts += count;
            }
            JsonNode terminated = c.path("state").path("terminated");
            JsonNode waiting = c.path("state").path("waiting");
            if (terminated.isObject() && terminated.path("exitCode").asInt(0) == 0) {
                continue;
            }
            if (sidecar && c.path("started").asBoolean(false)) {
                if (c.path("ready").asBoolean(false)) {
                    readyCount++;
                }
                continue;
            }
            initializing = true;
            if (terminated.isObject()) {
                reason = "Init:" + terminatedReason(terminated);
            } else if (!waiting.path("reason").asText("").isEmpty()
                    && !"PodInitializing".equals(waiting.path("reason").asText())) {
                reason = "Init:" + waiting.path("reason").asText();
            } else {
                reason = "Init:" + i + "/" + spec.path("initContainers").size();
            }
            break;
        }

        if (!initializing || conditionTrue(status, "Initialized")) {
            // Once initialised, finished init containers' restarts no longer count; sidecars' still do.
            restarts = restartableRestarts;
            boolean hasRunning = false;
            JsonNode statuses = status.path("containerStatuses");
            // kubectl walks backwards so the first container's reason is the one that sticks.
            for (int i = statuses.size() - 1; i >= 0; i--) {
                JsonNode c = statuses.get(i);
                restarts += c.path("restartCount").asInt(0);
                JsonNode state = c.path("state");
                String waitingReason = state.path("waiting").path("reason").asText("");
                JsonNode terminated = state.path("terminated");
                if (!waitingReason.isEmpty()) {
                    reason = waitingReason;
                } else if (terminated.isObject()) {
                    reason = terminatedReason(terminated);
                } else if (c.path("ready").asBoolean(false) && state.path("running").isObject()) {
                    hasRunning = true;
                    readyCount++;
                }
            }
            if ("Completed".equals(reason) && hasRunning) {
                reason = conditionTrue(status, "Ready") ? "Running" : "NotReady";
            }
        }

        String phase = status.path("phase").asText("");
        if (pod.path("metadata").hasNonNull("deletionTimestamp")) {
            if ("NodeLost".equals(status.path("reason").asText())) {
                reason = "Unknown";
            } else if (!"Succeeded".equals(phase) && !"Failed".equals(phase)) {
                reason = "Terminating";
            }
        }
        // kubectl would print an empty cell for a pod without a phase; a word reads better in a table.
        return new PodStatus(readyCount + "/" + total, reason.isEmpty() ? "Unknown" : reason, restarts);
    }

    static boolean isRestartable(JsonNode container) {
        return "Always".equals(container.path("restartPolicy").asText());
    }

    private static String terminatedReason(JsonNode terminated) {
        String reason = terminated.path("reason").asText("");
        if (!reason.isEmpty()) {
            return reason;
        }
        int signal = terminated.path("signal").asInt(0);
        return signal != 0 ? "Signal:" + signal : "ExitCode:" + terminated.path("exitCode").asInt(0);
    }

    private static boolean conditionTrue(JsonNode status, String type) {
        for (JsonNode c : status.path("conditions")) {
            if (type.equals(c.path("type").asText())) {
                return "True".equals(c.path("status").asText());
            }
        }
        return false;
    }
}
