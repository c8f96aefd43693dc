package dev.skopos.cli;

import dev.skopos.envoy.config.ClustersJsonParser;
import dev.skopos.envoy.config.ConfigDump;
import dev.skopos.envoy.config.ParseOptions;
import dev.skopos.envoy.config.Section;
import dev.skopos.render.istioctl.AllSummary;
import dev.skopos.render.istioctl.BootstrapText;
import dev.skopos.render.istioctl.ClusterTable;
import dev.skopos.render.istioctl.EcdsTable;
import dev.skopos.render.istioctl.EndpointTable;
import dev.skopos.render.istioctl.ListenerTable;
import dev.skopos.render.istioctl.RouteTable;
import dev.skopos.render.istioctl.SecretTable;
import java.io.IOException;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skopos proxy-config} ({@code pc}): istioctl's proxy-config, byte for byte, from a saved
 * dump ({@code -f}) or a pod's proxy. Each subcommand parses only the sections it prints, and
 * keeps raw JSON only for {@code -o json|yaml}.
 */
@Command(name = "proxy-config", aliases = "pc", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show an Envoy proxy's configuration exactly as istioctl proxy-config does.",
        subcommands = {ProxyConfigCommand.Cluster.class, ProxyConfigCommand.Listener.class,
            ProxyConfigCommand.Route.class, ProxyConfigCommand.Endpoint.class, ProxyConfigCommand.Eds.class,
            ProxyConfigCommand.Secret.class, ProxyConfigCommand.Bootstrap.class, ProxyConfigCommand.Ecds.class,
            ProxyConfigCommand.All.class})
public final class ProxyConfigCommand {

    private ProxyConfigCommand() {
    }

    @Command(name = "cluster", aliases = {"clusters", "c"}, mixinStandardHelpOptions = true,
            description = "Clusters of the proxy.")
    static final class Cluster extends ProxyConfigBase {
        @Option(names = "--fqdn", defaultValue = "", description = "Filter by substring of the service FQDN.")
        String fqdn;
        @Option(names = "--port", defaultValue = "0", description = "Filter by port.")
        int port;
        @Option(names = "--subset", defaultValue = "", description = "Filter by substring of the subset.")
        String subset;
        @Option(names = "--direction", defaultValue = "", description = "Filter by direction (inbound, outbound).")
        String direction;

        @Override
        String run() throws IOException {
            ConfigDump dump = configDump(ParseOptions.only(Section.CLUSTERS).withRaw(!output.equals("short")), false);
            if (dump.clusters().isEmpty()) {
                throw new Failure("no clusters found", false);
            }
            ClusterTable.Filter f = new ClusterTable.Filter(fqdn, port, subset, direction);
            return output.equals("short") ? ClusterTable.summary(dump.clusters(), f, false)
                    : dumpOutput(ClusterTable.json(dump.clusters(), f));
        }
    }

    @Command(name = "listener", aliases = {"listeners", "l"}, mixinStandardHelpOptions = true,
            description = "Listeners of the proxy.")
    static final class Listener extends ProxyConfigBase {
        @Option(names = "--address", defaultValue = "", description = "Filter by address.")
        String address;
        @Option(names = "--port", defaultValue = "0", description = "Filter by port.")
        int port;
        @Option(names = "--type", defaultValue = "", description = "Filter by type: HTTP, TCP or HTTP+TCP.")
        String type;
        @Option(names = "--verbose", defaultValue = "true", negatable = true, fallbackValue = "true",
                description = "One row per filter chain with its match and destination (default).")
        boolean verbose;

        @Override
        String run() throws IOException {
            ConfigDump dump = configDump(ParseOptions.only(Section.LISTENERS).withRaw(!output.equals("short")), false);
            if (ListenerTable.shown(dump.listeners()).isEmpty()) {
                throw new Failure("listener dump: no listeners found", false);
            }
            ListenerTable.Filter f = new ListenerTable.Filter(address, port, type);
            return output.equals("short") ? ListenerTable.summary(dump.listeners(), f, verbose, false)
                    : dumpOutput(ListenerTable.json(dump.listeners(), f));
        }
    }

    @Command(name = "route", aliases = {"routes", "r"}, mixinStandardHelpOptions = true,
            description = "Route configurations of the proxy.")
    static final class Route extends ProxyConfigBase {
        @Option(names = "--name", defaultValue = "", description = "Filter by route name.")
        String name;
        @Option(names = "--verbose", defaultValue = "true", negatable = true, fallbackValue = "true",
                description = "One row per route (default).")
        boolean verbose;

        @Override
        String run() throws IOException {
            ConfigDump dump = configDump(ParseOptions.only(Section.ROUTES).withRaw(!output.equals("short")), false);
            if (dump.routes().isEmpty()) {
                throw new Failure("no routes found", false);
            }
            return output.equals("short") ? RouteTable.summary(dump.routes(), name, verbose, false)
                    : dumpOutput(RouteTable.json(dump.routes(), name));
        }
    }

    /** Endpoint filters shared by {@code endpoint} and {@code eds}. */
    abstract static class EndpointBase extends ProxyConfigBase {
        @Option(names = "--address", defaultValue = "", description = "Filter by address.")
        String address;
        @Option(names = "--port", defaultValue = "0", description = "Filter by port.")
        int port;
        @Option(names = "--cluster", defaultValue = "", description = "Filter by cluster name.")
        String cluster;
        @Option(names = "--status", defaultValue = "", description = "Filter by health status (HEALTHY, ...).")
        String status;

        EndpointTable.Filter filter() {
            return new EndpointTable.Filter(address, port, cluster, status);
        }
    }

    @Command(name = "endpoint", aliases = {"endpoints", "ep"}, mixinStandardHelpOptions = true,
            description = "Endpoints and their health from /clusters (-f: a saved /clusters?format=json).")
    static final class Endpoint extends EndpointBase {
        @Override
        String run() throws IOException {
            var clusters = ClustersJsonParser.parse(raw(ref -> mesh -> mesh.envoy().clusters(ref)),
                    !output.equals("short"));
            return output.equals("short") ? EndpointTable.hostSummary(clusters, filter())
                    : dumpOutput(EndpointTable.hostJson(clusters, filter()));
        }
    }

    @Command(name = "eds", mixinStandardHelpOptions = true,
            description = "Endpoints from the config dump's EDS section (/config_dump?include_eds).")
    static final class Eds extends EndpointBase {
        @Override
        String run() throws IOException {
            ConfigDump dump = configDump(ParseOptions.only(Section.ENDPOINTS).withRaw(!output.equals("short")), true);
            return output.equals("short") ? EndpointTable.edsSummary(dump.endpoints(), filter(), false)
                    : dumpOutput(EndpointTable.edsJson(dump.endpoints(), filter()));
        }
    }

    @Command(name = "secret", aliases = {"secrets", "s"}, mixinStandardHelpOptions = true,
            description = "SDS secrets of the proxy, with certificate validity.")
    static final class Secret extends ProxyConfigBase {
        @Override
        String run() throws IOException {
            ConfigDump dump = configDump(ParseOptions.only(Section.SECRETS).withRaw(!output.equals("short")), false);
            if (!dump.has(Section.SECRETS)) {
                throw new Failure("sidecar doesn't support secrets: no secrets in the config dump", false);
            }
            return output.equals("short") ? SecretTable.summary(dump.secrets(), Instant.now(), false)
                    : dumpOutput(SecretTable.json(dump.secrets()));
        }
    }

    @Command(name = "bootstrap", aliases = "b", mixinStandardHelpOptions = true,
            description = "Bootstrap configuration of the proxy (-o short: versions).")
    static final class Bootstrap extends ProxyConfigBase {
        Bootstrap() {
            output = "json";
        }

        @Override
        String run() throws IOException {
            ConfigDump dump = configDump(new ParseOptions(true, java.util.EnumSet.of(Section.BOOTSTRAP)), false);
            if (dump.bootstrap() == null) {
                throw new Failure("no bootstrap found in the config dump", false);
            }
            return output.equals("short") ? BootstrapText.summary(dump.bootstrap())
                    : dumpOutput(BootstrapText.json(dump.bootstrap()));
        }
    }

    @Command(name = "ecds", mixinStandardHelpOptions = true, description = "Extension configs (ECDS) of the proxy.")
    static final class Ecds extends ProxyConfigBase {
        @Override
        String run() throws IOException {
            ConfigDump dump = configDump(ParseOptions.only(Section.ECDS).withRaw(!output.equals("short")), false);
            return output.equals("short") ? EcdsTable.summary(dump.extensions())
                    : dumpOutput(EcdsTable.json(dump.extensions()));
        }
    }

    @Command(name = "all", aliases = "a", mixinStandardHelpOptions = true,
            description = "Every table at once (-o json|yaml: the whole dump).")
    static final class All extends ProxyConfigBase {
        @Option(names = "--with-headers", description = "Put a ------ X INFO ------ line over each table.")
        boolean withHeaders;

        @Override
        String run() throws IOException {
            if (!output.equals("short")) {
                return dumpOutput(raw(ref -> mesh -> mesh.envoy().configDump(ref, true)).stripTrailing());
            }
            ConfigDump dump = configDump(ParseOptions.LEAN, true);
            if (dump.clusters().isEmpty()) {
                throw new Failure("no clusters found", false);
            }
            return AllSummary.render(dump, Instant.now(), withHeaders);
        }
    }
}
