package dev.skopos.tui;

import dev.skopos.config.Action;
import dev.skopos.source.KubeObject;
import dev.skopos.source.PodRef;
import dev.skopos.source.ResourceKind;
import dev.skopos.source.Scope;
import dev.skopos.source.SourceException;
import java.util.ArrayList;
import java.util.List;

/** The built-in {@code :} commands. Views added by later work register here too. */
final class ShellCommands {

    private ShellCommands() {
    }

    static Commands create() {
        Commands c = new Commands();
        c.add(new Commands.Command("proxies", List.of("px", "proxy", "envoy"), "[NAMESPACE]",
                "Envoy proxies with sync state (the landing view)", (shell, arg) -> {
                    if (!arg.isEmpty()) {
                        shell.setScope(scopeOf(arg));
                    }
                    shell.replace(new ProxiesView());
                }, ShellCommands::namespaces));
        c.add(new Commands.Command("namespace", List.of("ns"), "NAME|all", "Change the namespace scope",
                (shell, arg) -> {
                    if (arg.isEmpty()) {
                        shell.flash("namespace is " + shell.scope().label() + " (:ns NAME or :ns all)", false);
                        return;
                    }
                    List<String> known = namespaces(shell);
                    if (!arg.equals("all") && !known.isEmpty() && !known.contains(arg)) {
                        shell.flash("no namespace '" + arg + "'", true);
                        return;
                    }
                    shell.setScope(scopeOf(arg));
                    shell.flash("namespace: " + shell.scope().label(), false);
                }, ShellCommands::namespaces));
        c.add(new Commands.Command("context", List.of("ctx", "contexts"), "[NAME[,NAME...]]",
                "Switch kube context; several (comma-separated) watch a multi-cluster mesh", (shell, arg) -> {
                    if (arg.isEmpty()) {
                        shell.push(new ContextsView());
                        return;
                    }
                    List<String> names = List.of(arg.split("\\s*,\\s*"));
                    List<String> known = contextNames(shell);
                    List<String> unknown = names.stream().filter(n -> !known.isEmpty() && !known.contains(n)).toList();
                    if (shell.settings().contexts() != null && !unknown.isEmpty()) {
                        shell.flash("no context '" + String.join("', '", unknown) + "' in the kubeconfig", true);
                        return;
                    }
                    shell.switchContexts(names);
                }, ShellCommands::contextNames));
        section(c, "listeners", List.of("lis", "listener", "lds"), Action.LISTENERS, "[POD] [--address A] [--port P] [--type HTTP|TCP|HTTP+TCP]");
        section(c, "routes", List.of("rt", "route", "rds"), Action.ROUTES, "[POD] [--name NAME]");
        section(c, "clusters", List.of("cl", "cluster", "cds"), Action.CLUSTERS, "[POD] [--fqdn F] [--port P] [--subset S] [--direction D]");
        section(c, "endpoints", List.of("ep", "endpoint", "eds"), Action.ENDPOINTS, "[POD] [--address A] [--port P] [--cluster C] [--status S]");
        section(c, "secrets", List.of("sec", "secret", "sds", "certs"), Action.SECRETS, "[POD]");
        section(c, "bootstrap", List.of("bs"), Action.BOOTSTRAP, "[POD]");
        c.add(new Commands.Command("sync", List.of("xds", "ps"), "[POD]", "xDS sync per proxy and type, NACK errors",
                (shell, arg) -> {
                    PodRef pod = arg.isEmpty() ? null : findProxyPod(shell, arg);
                    if (!arg.isEmpty() && pod == null) {
                        shell.flash("no pod matches '" + arg + "'", true);
                        return;
                    }
                    shell.push(new SyncView(pod));
                }, ShellCommands::podNames));
        c.add(new Commands.Command("istiod", List.of("pilot", "cp"), "", "istiod replicas, load, rejections, log scopes",
                (shell, arg) -> shell.push(new IstiodView()), null));
        c.add(new Commands.Command("findings", List.of("fi", "analyze", "analysis"), "",
                "Analysis findings: istioctl's checks and skopos's own", (shell, arg) -> shell.push(new FindingsView()), null));
        c.add(new Commands.Command("help", List.of("h", "?"), "", "Keys and commands", (shell, arg) ->
                shell.push(new HelpView(shell.settings().keymap(), shell.commands().all(), shell.readOnly())), null));
        c.add(new Commands.Command("quit", List.of("q", "q!", "exit"), "", "Quit skopos",
                (shell, arg) -> shell.requestQuit(), null));
        return c;
    }

    /** A per-proxy Envoy section: for the named proxy, else the one the current view is about. */
    private static void section(Commands c, String name, List<String> aliases, Action action, String argument) {
        c.add(new Commands.Command(name, aliases, argument, action.description() + " (istioctl filters)",
                (shell, arg) -> {
                    ConfigFilters filters;
                    try {
                        filters = ConfigFilters.parse(name, arg);
                    } catch (IllegalArgumentException e) {
                        shell.flash(":" + name + ": " + e.getMessage(), true);
                        return;
                    }
                    PodRef pod = filters.pod() != null ? findProxyPod(shell, filters.pod())
                            : shell.current().proxyInContext();
                    if (pod == null) {
                        shell.flash(filters.pod() != null ? "no pod matches '" + filters.pod() + "'"
                                : "select a proxy first, or name one: :" + name + " POD[.NAMESPACE]", true);
                        return;
                    }
                    shell.push(ConfigSections.open(action, pod, filters));
                }, ShellCommands::podNames));
    }

    /** {@code name.namespace}, a full name, or a unique prefix of a pod name within the scope. */
    static PodRef findProxyPod(Shell shell, String spec) {
        List<KubeObject> pods;
        try {
            pods = shell.source().objects().list(ResourceKind.POD, shell.scope());
        } catch (SourceException e) {
            return null;
        }
        int dot = spec.indexOf('.');
        String name = dot < 0 ? spec : spec.substring(0, dot);
        String namespace = dot < 0 ? null : spec.substring(dot + 1);
        List<KubeObject> exact = pods.stream().filter(p -> p.name().equals(name)
                && (namespace == null || p.namespace().equals(namespace))).toList();
        List<KubeObject> hits = !exact.isEmpty() ? exact : pods.stream().filter(p -> p.name().startsWith(name)
                && (namespace == null || p.namespace().equals(namespace))).toList();
        return hits.size() == 1 ? hits.get(0).podRef() : null;
    }

    static List<String> podNames(Shell shell) {
        try {
            return shell.source().objects().list(ResourceKind.POD, shell.scope()).stream().map(KubeObject::name).toList();
        } catch (SourceException e) {
            return List.of();
        }
    }

    static List<String> contextNames(Shell shell) {
        ContextSwitcher switcher = shell.settings().contexts();
        return switcher == null ? List.of()
                : switcher.available().stream().map(ContextSwitcher.KubeContext::name).toList();
    }

    private static Scope scopeOf(String arg) {
        return arg.equals("all") || arg.equals("-A") ? Scope.ALL : Scope.of(arg);
    }

    /** Namespace names for completion; empty (not an error) when the source may not list them. */
    static List<String> namespaces(Shell shell) {
        List<String> names = new ArrayList<>();
        names.add("all");
        try {
            for (KubeObject ns : shell.source().objects().list(ResourceKind.NAMESPACE, Scope.ALL)) {
                if (!names.contains(ns.name())) { // several clusters often share namespace names
                    names.add(ns.name());
                }
            }
        } catch (SourceException e) {
            return List.of("all");
        }
        return names;
    }
}
