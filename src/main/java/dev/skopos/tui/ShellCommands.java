package dev.skopos.tui;

import dev.skopos.source.KubeObject;
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
        c.add(new Commands.Command("help", List.of("h", "?"), "", "Keys and commands", (shell, arg) ->
                shell.push(new HelpView(shell.settings().keymap(), shell.commands().all(), shell.readOnly())), null));
        c.add(new Commands.Command("quit", List.of("q", "q!", "exit"), "", "Quit skopos",
                (shell, arg) -> shell.requestQuit(), null));
        return c;
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
                names.add(ns.name());
            }
        } catch (SourceException e) {
            return List.of("all");
        }
        return names;
    }
}
