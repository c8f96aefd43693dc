package dev.skopos.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where a one-shot command's data comes from when it names a pod: {@code --demo} or a kube context. */
public final class SourceOptions {

    @Option(names = "--demo", description = "Read from the built-in simulated mesh (no cluster needed).")
    boolean demo;

    @Option(names = "--context", split = ",", paramLabel = "CTX", description = "Kube context to read from; several (a,b) are read as one mesh, and a POD is looked for in each "
                    + "(one that exists in several must be named with one --context).")
    List<String> contexts;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Path to the kubeconfig file.")
    Path kubeconfig;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Namespace of the pod when POD has no .NAMESPACE (default: default).")
    String namespace;

    @Option(names = "--proxy-admin-port", paramLabel = "PORT", defaultValue = "" + Sources.ENVOY_ADMIN_PORT,
            description = "Envoy's admin port inside the proxies, reached by port-forward (default: ${DEFAULT-VALUE}).")
    int proxyAdminPort = Sources.ENVOY_ADMIN_PORT;
}
