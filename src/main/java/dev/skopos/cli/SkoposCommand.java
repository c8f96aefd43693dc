package dev.skopos.cli;

import dev.skopos.config.ConfigException;
import dev.skopos.config.Keymap;
import dev.skopos.config.KeymapLoader;
import dev.skopos.config.Theme;
import dev.skopos.config.ThemeLoader;
import dev.skopos.config.XdgPaths;
import dev.skopos.source.MeshSource;
import dev.skopos.source.Scope;
import dev.skopos.source.ConnectingSource;
import dev.skopos.source.demo.DemoSource;
import dev.skopos.tui.Shell;
import dev.skopos.tui.ShellSettings;
import dev.skopos.tui.TerminalApp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skopos}: the full-screen UI on the demo mesh, a snapshot or the current kube context. */
@Command(name = "skopos", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ProxyConfigCommand.class, ProxyStatusCommand.class, AnalyzeCommand.class},
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "A k9s-style terminal UI for debugging Istio service meshes: proxies and xDS sync,",
            "Envoy config, certificates, logs and findings on one keyboard-driven surface.",
            "",
            "Try it without a cluster:  skopos --demo"
        },
        footer = {"", "Keys: ? in the UI lists every key. Logs go to $XDG_STATE_HOME/skopos/skopos.log."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:runtime failure", "2:bad usage or settings"})
public final class SkoposCommand implements Callable<Integer> {

    private static final Logger LOG = Logger.getLogger("dev.skopos.cli");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--demo", description = "Run on the built-in simulated mesh (no cluster needed).")
    boolean demo;

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Open a recorded mesh snapshot offline.")
    Path snapshot;

    @Option(names = "--context", split = ",", paramLabel = "CTX",
            description = "Kube context to watch (default: the current one); several (a,b) watch a multi-primary mesh as one.")
    List<String> contexts;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Path to the kubeconfig file.")
    Path kubeconfig;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Start scoped to one namespace.")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "Start on all namespaces (the default).")
    boolean allNamespaces;

    @Option(names = "--proxy-admin-port", paramLabel = "PORT", defaultValue = "" + Sources.ENVOY_ADMIN_PORT,
            description = "Envoy's admin port inside the proxies, reached by port-forward (default: ${DEFAULT-VALUE}).")
    int proxyAdminPort = Sources.ENVOY_ADMIN_PORT;

    @Option(names = "--readonly", description = "Refuse every mutating action (log levels, ControlZ).")
    boolean readOnly;

    @Option(names = "--theme", paramLabel = "NAME|FILE", description = "Theme: default, mono, or a YAML file.")
    String theme;

    @Option(names = "--keymap", paramLabel = "NAME|FILE", description = "Keymap: default, less, or a YAML file.")
    String keymap;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        // Build the demo mesh while settings load and the terminal starts: start-up is the sum otherwise.
        CompletableFuture<MeshSource> demoMesh = demo
                ? CompletableFuture.supplyAsync(DemoSource::create) : CompletableFuture.completedFuture(null);
        XdgPaths paths = XdgPaths.fromEnvironment();
        Keymap keys;
        Theme look;
        try {
            keys = KeymapLoader.load(keymap, paths);
            look = ThemeLoader.load(theme, paths);
        } catch (ConfigException e) {
            err.println("skopos: " + e.getMessage());
            return 2;
        }
        if (namespace != null && allNamespaces) {
            err.println("skopos: -n and -A exclude each other");
            return 2;
        }
        if (proxyAdminPort < 1 || proxyAdminPort > 65535) {
            err.println("skopos: --proxy-admin-port " + proxyAdminPort + " is not a port (1-65535)");
            return 2;
        }
        if (snapshot != null) {
            err.println("skopos: opening snapshots is not built yet; run 'skopos --demo' for the simulated mesh");
            return 2;
        }
        Path log = FileLogging.install(paths.logFile());
        ExecutorService background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "skopos-bg");
            t.setDaemon(true);
            return t;
        });
        ShellSettings settings;
        if (demo) {
            settings = new ShellSettings(demoMesh.join(), keys, look, Clock.systemDefaultZone(), background,
                    readOnly, Scope.of(namespace), VersionProvider.version());
        } else {
            // The kubeconfig is checked now (a bad file or context is a usage error before the screen
            // starts); the Kubernetes client is built after the first frame (FINDINGS: seconds otherwise).
            List<String> watch;
            try {
                Kubeconfig kubeconfigFile = Kubeconfig.read(kubeconfig);
                watch = contexts == null || contexts.isEmpty() ? kubeconfigFile.defaultContexts() : contexts;
                kubeconfigFile.requireContexts(watch);
            } catch (Kubeconfig.Unusable e) {
                err.println("skopos: " + e.getMessage() + " (or run 'skopos --demo' for the simulated mesh)");
                background.shutdownNow();
                return 2;
            }
            Clock clock = Clock.systemDefaultZone();
            settings = new ShellSettings(new ConnectingSource(watch, clock.instant()), keys, look, clock, background,
                    readOnly, Scope.of(namespace), VersionProvider.version(),
                    new LiveContexts(kubeconfig, proxyAdminPort, background),
                    contexts == null ? List.of() : contexts);
        }
        try {
            Shell shell = TerminalApp.runOnTerminal(settings);
            String failure = shell.connectionFailure();
            if (failure != null) {
                err.println("skopos: cannot connect to " + settings.source().info().label() + ": " + failure);
                return 1;
            }
            return 0;
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "skopos stopped on an error", e);
            err.println("skopos: " + e.getMessage() + (log != null ? " (details in " + log + ")" : ""));
            settings.source().close();
            return 1;
        } finally {
            background.shutdownNow();
        }
    }
}
