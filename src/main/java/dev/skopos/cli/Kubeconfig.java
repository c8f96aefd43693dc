package dev.skopos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.skopos.tui.ContextSwitcher.KubeContext;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kubeconfig's contexts, read the way kubectl merges them ({@code --kubeconfig}, else every
 * file in {@code KUBECONFIG}, else {@code ~/.kube/config}; the first file naming a current-context
 * or a context wins). Read with the YAML parser that is already warm from the keymap, so the
 * command line can refuse a bad file or an unknown context before the screen starts, while the
 * Kubernetes client itself is built after the first frame.
 *
 * @param files   the files read, for messages
 * @param current the current-context, or null
 * @param inCluster no kubeconfig but a service account: the only context is {@code in-cluster}
 */
record Kubeconfig(List<Path> files, String current, List<KubeContext> contexts, boolean inCluster) {

    /** The kubeconfig cannot be used: a usage problem, reported in one line before the UI starts. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Kubeconfig read(Path explicit) throws Unusable {
        return read(explicit, System.getenv("KUBECONFIG"), System.getProperty("user.home"),
                System.getenv("KUBERNETES_SERVICE_HOST") != null);
    }

    static Kubeconfig read(Path explicit, String kubeconfigEnv, String home, boolean inClusterEnv) throws Unusable {
        List<Path> files = new ArrayList<>();
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new Unusable("kubeconfig " + explicit + " not found");
            }
            files.add(explicit);
        } else if (kubeconfigEnv != null && !kubeconfigEnv.isBlank()) {
            for (String f : kubeconfigEnv.split(File.pathSeparator)) {
                if (!f.isBlank() && Files.isRegularFile(Path.of(f))) {
                    files.add(Path.of(f));
                }
            }
        } else if (home != null && Files.isRegularFile(Path.of(home, ".kube", "config"))) {
            files.add(Path.of(home, ".kube", "config"));
        }
        if (files.isEmpty()) {
            if (inClusterEnv) {
                return new Kubeconfig(List.of(), "in-cluster",
                        List.of(new KubeContext("in-cluster", "in-cluster", "serviceaccount", "")), true);
            }
            throw new Unusable("no kubeconfig found (KUBECONFIG, ~/.kube/config) and not running in a cluster");
        }
        String current = null;
        Map<String, KubeContext> contexts = new LinkedHashMap<>();
        for (Path file : files) {
            JsonNode root = parse(file);
            String named = root.path("current-context").asText("");
            if (current == null && !named.isEmpty()) {
                current = named;
            }
            for (JsonNode c : root.path("contexts")) {
                String name = c.path("name").asText("");
                JsonNode ctx = c.path("context");
                if (!name.isEmpty()) {
                    contexts.putIfAbsent(name, new KubeContext(name, ctx.path("cluster").asText(""),
                            ctx.path("user").asText(""), ctx.path("namespace").asText("")));
                }
            }
        }
        return new Kubeconfig(List.copyOf(files), current, List.copyOf(contexts.values()), false);
    }

    private static JsonNode parse(Path file) throws Unusable {
        try {
            JsonNode root = YAML.readTree(file.toFile());
            if (root == null || root.isMissingNode() || root.isNull()) {
                return YAML.createObjectNode(); // an empty file is an empty kubeconfig, as kubectl reads it
            }
            if (!root.isObject()) {
                throw new Unusable("cannot read kubeconfig " + file + ": not a YAML mapping");
            }
            return root;
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new Unusable("cannot read kubeconfig " + file + ": " + why);
        }
    }

    /** Refuses names the kubeconfig does not have; in-cluster only knows "in-cluster". */
    void requireContexts(List<String> names) throws Unusable {
        for (String name : names) {
            if (contexts.stream().noneMatch(c -> c.name().equals(name))) {
                throw new Unusable("context \"" + name + "\" not found in " + where());
            }
        }
    }

    /** The contexts a start without {@code --context} watches: the current one. */
    List<String> defaultContexts() throws Unusable {
        if (current == null || current.isEmpty()) {
            throw new Unusable("no current-context in " + where() + "; pass --context NAME");
        }
        return List.of(current);
    }

    String where() {
        return files.isEmpty() ? "the in-cluster configuration"
                : String.join(File.pathSeparator, files.stream().map(Path::toString).toList());
    }
}
